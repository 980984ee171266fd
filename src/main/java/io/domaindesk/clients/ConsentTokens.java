package io.domaindesk.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Link tokens: 256 random bits, URL-safe; only their SHA-256 is stored, so a copy of the
 * database opens no link.
 */
final class ConsentTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** 32 bytes in unpadded base64url. */
	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private ConsentTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether a path segment can be a token at all (anything else is not looked up). */
	static boolean wellFormed(String token) {
		return token != null && SHAPE.matcher(token).matches();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
