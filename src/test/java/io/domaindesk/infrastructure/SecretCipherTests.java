package io.domaindesk.infrastructure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class SecretCipherTests {

	private final SecretCipher cipher = new SecretCipher(new MasterKeySettings("test-master-key-0123456789abcdef0123"));

	@Test
	void roundTripsAndNeverRepeatsACipherText() {
		String first = this.cipher.encrypt("application-secret");
		String second = this.cipher.encrypt("application-secret");
		assertThat(first).isNotEqualTo(second).doesNotContain("application-secret");
		assertThat(this.cipher.decrypt(first)).isEqualTo("application-secret");
	}

	@Test
	void anotherMasterKeyCannotDecrypt() {
		String encrypted = this.cipher.encrypt("application-secret");
		SecretCipher other = new SecretCipher(new MasterKeySettings("another-master-key-0123456789abcdef"));
		assertThatException().isThrownBy(() -> other.decrypt(encrypted));
	}

	@Test
	void derivedKeysDependOnPurpose() {
		assertThat(this.cipher.derivedKey("audit")).hasSize(32).isNotEqualTo(this.cipher.derivedKey("other"));
		assertThat(this.cipher.toString()).doesNotContain("test-master-key");
	}

}
