package io.domaindesk.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.encrypt.Encryptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	private static final String OLD_KEY = "test-master-key-0123456789abcdef0123";

	private static final String NEW_KEY = "rotated-master-key-fedcba9876543210";

	private final SecretCipher cipher = new SecretCipher(OLD_KEY);

	@Test
	void roundTripsAndNeverRepeatsACipherText() {
		String first = this.cipher.encrypt("application-secret");
		String second = this.cipher.encrypt("application-secret");
		assertThat(first).isNotEqualTo(second).doesNotContain("application-secret").startsWith("v2:1:");
		assertThat(this.cipher.decrypt(first)).isEqualTo("application-secret");
	}

	@Test
	void anotherMasterKeyCannotDecrypt() {
		String encrypted = this.cipher.encrypt("application-secret");
		SecretCipher other = new SecretCipher("another-master-key-0123456789abcdef");
		assertThatException().isThrownBy(() -> other.decrypt(encrypted));
	}

	@Test
	void aValueIsBoundToItsPlaceAndDoesNotDecryptElsewhere() {
		String sealed = this.cipher.encrypt("consumer-key", "ovh_account/agency=1/account=7/consumer_key");
		assertThat(this.cipher.decrypt(sealed, "ovh_account/agency=1/account=7/consumer_key"))
			.isEqualTo("consumer-key");
		// Copied to another connection, another agency, another field: refused.
		for (String elsewhere : new String[] { "ovh_account/agency=1/account=8/consumer_key",
				"ovh_account/agency=2/account=7/consumer_key", "ovh_account/agency=1/account=7/application_secret",
				"" }) {
			assertThatIllegalStateException().as(elsewhere)
				.isThrownBy(() -> this.cipher.decrypt(sealed, elsewhere))
				.withMessageContaining("moved from another row");
		}
		// Nor can the key id be relabelled.
		SecretCipher both = new SecretCipher(NEW_KEY, "2", "1:" + OLD_KEY, "1");
		assertThatIllegalStateException().isThrownBy(
				() -> both.decrypt(sealed.replace("v2:1:", "v2:2:"), "ovh_account/agency=1/account=7/consumer_key"));
	}

	@Test
	void theMasterKeyRotatesWithoutLosingOldValuesOrTheAuditKey() {
		String binding = "ovh_account/agency=1/account=7/application_secret";
		String underOld = this.cipher.encrypt("application-secret", binding);
		// The new key is current; the old one is listed for decryption; purpose keys
		// stay.
		SecretCipher rotated = new SecretCipher(NEW_KEY, "2", "1:" + OLD_KEY, "1");
		assertThat(rotated.decrypt(underOld, binding)).isEqualTo("application-secret");
		assertThat(rotated.isStale(underOld)).isTrue();
		String again = rotated.encrypt(rotated.decrypt(underOld, binding), binding);
		assertThat(again).startsWith("v2:2:");
		assertThat(rotated.isStale(again)).isFalse();
		assertThat(rotated.derivedKey("audit-chain")).isEqualTo(this.cipher.derivedKey("audit-chain"));
		// Once the old key is dropped, only what was re-encrypted still reads.
		SecretCipher newOnly = new SecretCipher(NEW_KEY, "2", "", "");
		assertThat(newOnly.decrypt(again, binding)).isEqualTo("application-secret");
		assertThatIllegalStateException().isThrownBy(() -> newOnly.decrypt(underOld, binding))
			.withMessageContaining("key id '1'");
		// A derivation key id that is not configured is a start-up error.
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(NEW_KEY, "2", "", "1"));
	}

	@Test
	void valuesWrittenBeforeKeyIdsStillReadAndAreStale() throws Exception {
		String salt = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest("domaindesk/ovh-secrets".getBytes(StandardCharsets.UTF_8)))
			.substring(0, 16);
		String legacy = Encryptors.delux(OLD_KEY, salt).encrypt("application-secret");
		assertThat(this.cipher.decrypt(legacy, "anything")).isEqualTo("application-secret");
		assertThat(this.cipher.isStale(legacy)).isTrue();
		assertThat(new SecretCipher(NEW_KEY, "2", "1:" + OLD_KEY, "1").decrypt(legacy)).isEqualTo("application-secret");
	}

	@Test
	void derivedKeysDependOnPurpose() {
		assertThat(this.cipher.derivedKey("audit")).hasSize(32).isNotEqualTo(this.cipher.derivedKey("other"));
		assertThat(this.cipher.toString()).doesNotContain("test-master-key");
	}

}
