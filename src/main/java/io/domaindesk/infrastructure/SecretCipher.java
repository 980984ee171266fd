package io.domaindesk.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts OVHcloud secrets at rest with AES-256-GCM under a key derived from the master
 * key, so a database dump alone does not give access to the agencies' OVHcloud accounts.
 */
@Component
public class SecretCipher {

	private final TextEncryptor encryptor;

	private final byte[] masterKey;

	SecretCipher(MasterKeySettings settings) {
		String masterKey = settings.masterKey();
		if (masterKey == null || masterKey.isBlank()) {
			throw new IllegalStateException("Set DOMAINDESK_MASTER_KEY (domaindesk.master-key)");
		}
		this.masterKey = masterKey.getBytes(StandardCharsets.UTF_8);
		// A fixed, purpose-bound salt: the key is already high-entropy, the salt only
		// separates uses.
		String salt = HexFormat.of().formatHex(sha256("domaindesk/ovh-secrets")).substring(0, 16);
		this.encryptor = Encryptors.delux(masterKey, salt);
	}

	public String encrypt(String plain) {
		return (plain == null || plain.isEmpty()) ? null : this.encryptor.encrypt(plain);
	}

	public String decrypt(String cipherText) {
		return (cipherText == null || cipherText.isEmpty()) ? null : this.encryptor.decrypt(cipherText);
	}

	/**
	 * A key for one purpose (for example the audit hash chain), derived from the master
	 * key so that operators manage a single secret.
	 */
	public byte[] derivedKey(String purpose) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.masterKey);
			digest.update((byte) 0);
			digest.update(purpose.getBytes(StandardCharsets.UTF_8));
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "SecretCipher[AES-256-GCM]";
	}

}
