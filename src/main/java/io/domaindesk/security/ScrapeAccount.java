package io.domaindesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code domaindesk.metrics.*}: the account a metrics scraper (Prometheus) logs in with
 * over HTTP Basic, besides platform admins. Only a hash of its password is configured
 * ({@code {bcrypt}$2a$…}, e.g. from {@code htpasswd -bnBC 12 "" secret | tr -d ':'}).
 *
 * @param scrapeUsername the scraper's user name; none when blank
 * @param scrapePasswordHash its password hash with the encoder's prefix
 */
@ConfigurationProperties("domaindesk.metrics")
record ScrapeAccount(String scrapeUsername, String scrapePasswordHash) {

	static final String ROLE = "METRICS_SCRAPER";

	ScrapeAccount {
		boolean user = scrapeUsername != null && !scrapeUsername.isBlank();
		boolean hash = scrapePasswordHash != null && !scrapePasswordHash.isBlank();
		if (user != hash) {
			throw new IllegalStateException(
					"Set both domaindesk.metrics.scrape-username and domaindesk.metrics.scrape-password-hash, or neither");
		}
		if (hash && !scrapePasswordHash.startsWith("{")) {
			throw new IllegalStateException(
					"domaindesk.metrics.scrape-password-hash must be a hash with its {id} prefix, e.g. {bcrypt}$2a$12$…, never the password");
		}
	}

	boolean configured() {
		return this.scrapeUsername != null && !this.scrapeUsername.isBlank();
	}

}
