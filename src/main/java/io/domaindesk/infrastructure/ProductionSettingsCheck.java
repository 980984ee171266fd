package io.domaindesk.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Stops a production start before anything connects anywhere when a required setting is
 * missing, and names the environment variable to set: a stack trace about a null URL
 * helps nobody at 3 a.m.
 */
public class ProductionSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** Property → the environment variable an operator sets for it. */
	static final Map<String, String> REQUIRED = new LinkedHashMap<>();

	static {
		REQUIRED.put("spring.datasource.url", "SPRING_DATASOURCE_URL");
		REQUIRED.put("spring.datasource.username", "SPRING_DATASOURCE_USERNAME");
		REQUIRED.put("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD");
		REQUIRED.put("domaindesk.master-key", "DOMAINDESK_MASTER_KEY");
		// Flyway migrates as the schema owner; the application runs as a role that
		// cannot rewrite the audit trail (docs/audit.md).
		REQUIRED.put("spring.flyway.user", "SPRING_FLYWAY_USER");
		REQUIRED.put("spring.flyway.password", "SPRING_FLYWAY_PASSWORD");
	}

	/**
	 * Keys that are public: the local demo's, and every value ever shipped in
	 * {@code .env.example} or the README (a test keeps {@code .env.example} in this
	 * list).
	 */
	static final List<String> PUBLIC_KEYS = List.of("local-demo-master-key-not-for-production",
			"replace-with-the-output-of-openssl-rand-hex-32", "change-me", "choose-a-long-passphrase");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		check(event.getEnvironment());
	}

	static void check(ConfigurableEnvironment environment) {
		if (!environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		List<String> missing = new ArrayList<>();
		REQUIRED.forEach((property, variable) -> {
			if (!StringUtils.hasText(environment.getProperty(property))) {
				missing.add(variable);
			}
		});
		String masterKey = environment.getProperty("domaindesk.master-key", "");
		if (StringUtils.hasText(masterKey) && masterKey.length() < 32) {
			throw new IllegalStateException(
					"DOMAINDESK_MASTER_KEY is too short: use at least 32 characters (for example: openssl rand -hex 32)");
		}
		if (PUBLIC_KEYS.contains(masterKey.strip())) {
			throw new IllegalStateException("DOMAINDESK_MASTER_KEY is a published example or demo key: generate one "
					+ "(openssl rand -hex 32) and keep it secret");
		}
		for (String old : environment.getProperty("domaindesk.old-master-keys", "").split(",")) {
			String key = old.contains(":") ? old.substring(old.indexOf(':') + 1).strip() : old.strip();
			if (PUBLIC_KEYS.contains(key)) {
				throw new IllegalStateException(
						"DOMAINDESK_OLD_MASTER_KEYS holds a published example or demo key: re-encrypt and drop it");
			}
		}
		// The sandbox answers OVHcloud calls with made-up data and mails tokens to a
		// page.
		if (environment.getProperty("domaindesk.sandbox.enabled", Boolean.class, false)) {
			throw new IllegalStateException(
					"DomainDesk cannot start in profile 'prod' with the OVHcloud sandbox on: set DOMAINDESK_SANDBOX=false");
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("DomainDesk cannot start in profile 'prod': set the environment variable"
					+ (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
		}
	}

}
