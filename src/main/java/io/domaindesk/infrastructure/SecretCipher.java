package io.domaindesk.infrastructure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (OVHcloud application secrets, consumer keys) with
 * AES-256-GCM, so a database dump alone does not give access to the agencies' OVHcloud
 * accounts.
 * <p>
 * A stored value is {@code v2:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>}. The key id
 * says which master key encrypted it, so the master key can be rotated without downtime:
 * the new key becomes current, the previous ones stay listed for decryption
 * ({@code domaindesk.old-master-keys}) until every value was re-encrypted. The associated
 * data binds a value to where it belongs (e.g. one agency's connection and field): copied
 * to another row, it no longer decrypts. Values written before v2 (Spring's
 * {@code Encryptors.delux}, no prefix) are still read, and re-encrypted by their owner.
 */
@Component
public class SecretCipher {

	private static final String V2 = "v2:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final String currentId;

	/** Key id → raw master key; the current one first. */
	private final Map<String, String> masterKeys = new LinkedHashMap<>();

	private final byte[] derivationKey;

	public SecretCipher(String masterKey) {
		this(new MasterKeySettings(masterKey, null, null, null));
	}

	/** For tests of rotation: {@link MasterKeySettings} says what each value means. */
	public SecretCipher(String masterKey, String masterKeyId, String oldMasterKeys, String derivationKeyId) {
		this(new MasterKeySettings(masterKey, masterKeyId, oldMasterKeys, derivationKeyId));
	}

	@org.springframework.beans.factory.annotation.Autowired
	SecretCipher(MasterKeySettings settings) {
		String masterKey = settings.masterKey();
		String masterKeyId = settings.masterKeyId();
		String oldMasterKeys = settings.oldMasterKeys();
		String derivationKeyId = settings.derivationKeyId();
		if (masterKey == null || masterKey.isBlank()) {
			throw new IllegalStateException("Set DOMAINDESK_MASTER_KEY (domaindesk.master-key)");
		}
		this.currentId = checkId(masterKeyId.strip());
		this.masterKeys.put(this.currentId, masterKey);
		for (String entry : oldMasterKeys.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			int colon = entry.indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException("DOMAINDESK_OLD_MASTER_KEYS: use id:key,id:key");
			}
			String id = checkId(entry.substring(0, colon).strip());
			if (this.masterKeys.putIfAbsent(id, entry.substring(colon + 1).strip()) != null) {
				throw new IllegalStateException("DOMAINDESK_OLD_MASTER_KEYS: key id " + id + " is used twice");
			}
		}
		String derivation = derivationKeyId.isBlank() ? this.currentId : derivationKeyId.strip();
		if (!this.masterKeys.containsKey(derivation)) {
			throw new IllegalStateException("DOMAINDESK_DERIVATION_KEY_ID " + derivation
					+ " is neither the current master key's id nor one of DOMAINDESK_OLD_MASTER_KEYS");
		}
		this.derivationKey = this.masterKeys.get(derivation).getBytes(StandardCharsets.UTF_8);
	}

	private static String checkId(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
			throw new IllegalStateException("A master key id is 1 to 16 letters, digits, '-' or '_': " + id);
		}
		return id;
	}

	/** Encrypts under the current key, bound to nothing in particular. */
	public String encrypt(String plain) {
		return encrypt(plain, "");
	}

	public String decrypt(String stored) {
		return decrypt(stored, "");
	}

	/**
	 * @param binding where the value belongs, e.g.
	 * {@code ovh_account/3/17/application_secret}; the same binding is needed to decrypt
	 * it
	 */
	public String encrypt(String plain, String binding) {
		if (plain == null || plain.isEmpty()) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, aesKey(this.currentId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(aad(this.currentId, binding));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return V2 + this.currentId + ":" + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was encrypted for another binding,
	 * under an unknown key, or altered
	 */
	public String decrypt(String stored, String binding) {
		if (stored == null || stored.isEmpty()) {
			return null;
		}
		if (!stored.startsWith(V2)) {
			return decryptLegacy(stored);
		}
		int colon = stored.indexOf(':', V2.length());
		String id = (colon > 0) ? stored.substring(V2.length(), colon) : "";
		if (!this.masterKeys.containsKey(id)) {
			throw new IllegalStateException("A secret was encrypted under master key id '" + id
					+ "', which is not configured (DOMAINDESK_OLD_MASTER_KEYS)");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, aesKey(id), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(aad(id, binding));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A secret does not decrypt here: altered, or moved from another row", ex);
		}
	}

	/** Whether a stored value should be encrypted again: older format or older key. */
	public boolean isStale(String stored) {
		return stored != null && !stored.isEmpty() && !stored.startsWith(V2 + this.currentId + ":");
	}

	public String currentKeyId() {
		return this.currentId;
	}

	/** Values before v2: no key id, so every configured key is tried. */
	private String decryptLegacy(String stored) {
		String salt = HexFormat.of()
			.formatHex(sha256("domaindesk/ovh-secrets".getBytes(StandardCharsets.UTF_8)))
			.substring(0, 16);
		RuntimeException last = null;
		for (String key : this.masterKeys.values()) {
			try {
				return Encryptors.delux(key, salt).decrypt(stored);
			}
			catch (RuntimeException ex) {
				last = ex;
			}
		}
		throw new IllegalStateException("A secret does not decrypt with any configured master key", last);
	}

	/** The key id is part of the associated data, so a value cannot be relabelled. */
	private static byte[] aad(String id, String binding) {
		return ("domaindesk-secret-v2|" + id + "|" + binding).getBytes(StandardCharsets.UTF_8);
	}

	private SecretKeySpec aesKey(String id) {
		byte[] master = this.masterKeys.get(id).getBytes(StandardCharsets.UTF_8);
		return new SecretKeySpec(sha256(concat(master, "\0domaindesk/secrets-v2".getBytes(StandardCharsets.UTF_8))),
				"AES");
	}

	/**
	 * A key for one purpose (for example the audit hash chain), derived from the
	 * derivation key (the current master key unless {@code domaindesk.derivation-key-id}
	 * says otherwise) so that operators manage a single secret.
	 */
	public byte[] derivedKey(String purpose) {
		return sha256(concat(concat(this.derivationKey, new byte[] { 0 }), purpose.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "SecretCipher[AES-256-GCM, key " + this.currentId + "]";
	}

}
