package io.domaindesk.agency;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The minimum a password must meet when an admin sets it. Length matters more than
 * character classes (NIST SP 800-63B), so the policy is: 12 to 128 characters, not the
 * username, not a well-known password.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final Set<String> WELL_KNOWN = Set.of("password1234", "123456789012", "azertyuiop12", "qwertyuiop12",
			"motdepasse12", "changeme1234", "administrator", "passwordpassword", "domaindesk123");

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
		if (WELL_KNOWN.contains(lower) || lower.chars().distinct().count() < 4) {
			return Optional.of("password.tooCommon");
		}
		return Optional.empty();
	}

}
