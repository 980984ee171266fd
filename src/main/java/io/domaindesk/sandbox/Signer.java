package io.domaindesk.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * OVHcloud's v1 request signature: {@code "$1$" + sha1_hex(AS+CK+METHOD+URL+BODY+TS)}
 * joined with '+'. Written from the API notes, not shared with the client module.
 */
final class Signer {

	private Signer() {
	}

	static String sign(String applicationSecret, String consumerKey, String method, String fullUrl, String body,
			String timestamp) {
		String toSign = String.join("+", applicationSecret, consumerKey, method.toUpperCase(), fullUrl,
				(body != null) ? body : "", timestamp);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(toSign.getBytes(StandardCharsets.UTF_8));
			return "$1$" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares in constant time: the sandbox should not teach clients bad habits. */
	static boolean matches(String expected, String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}

}
