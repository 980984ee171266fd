package io.domaindesk.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code domaindesk.master-key} ({@code DOMAINDESK_MASTER_KEY}): encrypts OVHcloud
 * secrets at rest. Its absence in {@code prod} is reported by
 * {@link ProductionSettingsCheck} before anything starts, naming the variable.
 *
 * @param masterKey at least 32 characters in production
 */
@ConfigurationProperties("domaindesk")
record MasterKeySettings(String masterKey) {

	@Override
	public String toString() {
		return "MasterKeySettings[masterKey=" + ((this.masterKey != null) ? "(set)" : "(unset)") + "]";
	}

}
