package io.domaindesk.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Whether an account may answer a contact change with a token mailed to another party:
 * the configured mode, overridden per account at run time by tests.
 */
@Component
@ConditionalOnSandbox
@EnableConfigurationProperties(ContactChangeTokenSettings.class)
class TokenPolicy {

	private final ContactChangeTokenSettings settings;

	private final Map<String, Boolean> overrides = new ConcurrentHashMap<>();

	TokenPolicy(ContactChangeTokenSettings settings) {
		this.settings = settings;
	}

	boolean lenient(String nichandle) {
		Boolean override = this.overrides.get(nichandle);
		if (override != null) {
			return override;
		}
		Boolean configured = this.settings.accounts().get(nichandle);
		return (configured != null) ? configured : this.settings.lenient();
	}

	void set(String nichandle, Boolean lenient) {
		if (lenient == null) {
			this.overrides.remove(nichandle);
		}
		else {
			this.overrides.put(nichandle, lenient);
		}
	}

}
