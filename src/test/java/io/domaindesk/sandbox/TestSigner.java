package io.domaindesk.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The tests' own signer, so the emulator's {@code Signer} is checked against a second
 * reading.
 */
final class TestSigner {

	private TestSigner() {
	}

	static String sign(String as, String ck, String method, String url, String body, String timestamp) {
		try {
			String toSign = as + "+" + ck + "+" + method + "+" + url + "+" + ((body != null) ? body : "") + "+"
					+ timestamp;
			return "$1$" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(toSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
