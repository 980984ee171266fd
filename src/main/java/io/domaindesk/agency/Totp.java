package io.domaindesk.agency;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them:
 * HMAC-SHA1, 6 digits, 30-second steps, a 160-bit secret shown in base32. The codes come
 * from {@code java-otp}; this class only chooses the parameters, the accepted clock drift
 * (one step either way) and the {@code otpauth://} URI.
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TimeBasedOneTimePasswordGenerator generator;

	Totp(int digits, String algorithm) {
		this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
	}

	Totp() {
		this(6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
	}

	/** A new secret, base32 without padding (what authenticator apps expect). */
	static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return new Base32().encodeToString(secret).replace("=", "");
	}

	static String otpauthUri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	String code(byte[] key, Instant at) {
		try {
			return this.generator.generateOneTimePasswordString(new SecretKeySpec(key, this.generator.getAlgorithm()),
					at);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The time step of {@code code} if it is valid at {@code now} give or take one step,
	 * so that the caller can refuse a step already used.
	 */
	OptionalLong matchingStep(String base32Secret, String code, Instant now) {
		String candidate = (code != null) ? code.replaceAll("\\s", "") : "";
		if (!candidate.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		byte[] key = new Base32().decode(base32Secret);
		long current = now.getEpochSecond() / STEP.toSeconds();
		for (long step = current - 1; step <= current + 1; step++) {
			String expected = code(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
			if (java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					candidate.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
