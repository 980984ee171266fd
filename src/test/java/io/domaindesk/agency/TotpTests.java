package io.domaindesk.agency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** RFC 6238 appendix B, HMAC-SHA1 with the 20-byte key "12345678901234567890". */
	@Test
	void matchesTheTestVectorsOfRfc6238() {
		Totp eightDigits = new Totp(8, "HmacSHA1");
		byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
		assertThat(eightDigits.code(key, Instant.ofEpochSecond(59L))).isEqualTo("94287082");
		assertThat(eightDigits.code(key, Instant.ofEpochSecond(1111111109L))).isEqualTo("07081804");
		assertThat(eightDigits.code(key, Instant.ofEpochSecond(1111111111L))).isEqualTo("14050471");
		assertThat(eightDigits.code(key, Instant.ofEpochSecond(1234567890L))).isEqualTo("89005924");
		assertThat(eightDigits.code(key, Instant.ofEpochSecond(2000000000L))).isEqualTo("69279037");
		assertThat(eightDigits.code(key, Instant.ofEpochSecond(20000000000L))).isEqualTo("65353130");
	}

	@Test
	void acceptsOneStepOfClockDriftEitherWayAndNoMore() {
		Totp totp = new Totp();
		String secret = Totp.newSecret();
		byte[] key = new Base32().decode(secret);
		Instant now = Instant.ofEpochSecond(1_800_000_015L);
		long step = now.getEpochSecond() / 30;
		assertThat(totp.matchingStep(secret, totp.code(key, now), now)).hasValue(step);
		assertThat(totp.matchingStep(secret, totp.code(key, now.minusSeconds(30)), now)).hasValue(step - 1);
		assertThat(totp.matchingStep(secret, totp.code(key, now.plusSeconds(30)), now)).hasValue(step + 1);
		assertThat(totp.matchingStep(secret, totp.code(key, now.minusSeconds(60)), now)).isEmpty();
		assertThat(totp.matchingStep(secret, "12345", now)).isEmpty();
		assertThat(totp.matchingStep(secret, "abcdef", now)).isEmpty();
	}

	@Test
	void theUriIsWhatAuthenticatorAppsRead() {
		assertThat(Totp.otpauthUri("DomainDesk", "alice", "JBSWY3DPEHPK3PXP")).isEqualTo(
				"otpauth://totp/DomainDesk:alice?secret=JBSWY3DPEHPK3PXP&issuer=DomainDesk&algorithm=SHA1&digits=6&period=30");
		assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
	}

}
