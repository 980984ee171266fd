package io.domaindesk.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Personal tokens carried by the sandbox's e-mails.
 */
@Component
@ConditionalOnSandbox
class Tokens {

	private final SecureRandom random = new SecureRandom();

	String next() {
		byte[] bytes = new byte[12];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static boolean same(String given, String expected) {
		return expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

}
