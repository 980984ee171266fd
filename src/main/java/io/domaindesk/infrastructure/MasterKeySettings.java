package io.domaindesk.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code domaindesk.master-key} ({@code DOMAINDESK_MASTER_KEY}): encrypts OVHcloud
 * secrets at rest. Its absence in {@code prod} is reported by
 * {@link ProductionSettingsCheck} before anything starts, naming the variable.
 *
 * @param masterKey at least 32 characters in production
 * @param masterKeyId the current key's id, written into every new value (default 1)
 * @param oldMasterKeys {@code id:key,id:key}: earlier keys, for decryption only, until
 * every value was re-encrypted (README, docs/security.md)
 * @param derivationKeyId the key the purpose keys (audit chain, checkpoints) come from;
 * blank for the current one. When rotating, the first key's id, so they do not change.
 */
@ConfigurationProperties("domaindesk")
record MasterKeySettings(String masterKey, String masterKeyId, String oldMasterKeys, String derivationKeyId) {

	MasterKeySettings {
		masterKeyId = (masterKeyId == null || masterKeyId.isBlank()) ? "1" : masterKeyId;
		oldMasterKeys = (oldMasterKeys != null) ? oldMasterKeys : "";
		derivationKeyId = (derivationKeyId != null) ? derivationKeyId : "";
	}

	@Override
	public String toString() {
		return "MasterKeySettings[masterKey=" + ((this.masterKey != null) ? "(set)" : "(unset)") + ", id="
				+ this.masterKeyId + ", old keys=" + (this.oldMasterKeys.isBlank() ? "none" : "(set)") + "]";
	}

}
