package io.domaindesk.ovh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * OVHcloud v1 request signature. The URL and body must be the exact strings put on the
 * wire: OVHcloud recomputes the hash from what it receives.
 */
final class OvhSigner {

	private OvhSigner() {
	}

	static String sign(String applicationSecret, String consumerKey, String method, String fullUrl, String body,
			long timestamp) {
		String toSign = String.join("+", applicationSecret, consumerKey, method.toUpperCase(java.util.Locale.ROOT),
				fullUrl, (body != null) ? body : "", Long.toString(timestamp));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(toSign.getBytes(StandardCharsets.UTF_8));
			return "$1$" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is not available in this JVM", ex);
		}
	}

}
