package io.domaindesk.sandbox;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the OVHcloud emulator ({@code domaindesk.sandbox.*}).
 *
 * @param enabled whether the emulator is served at all
 * @param clockOffset how far the sandbox clock runs ahead of the host; beyond the 300 s
 * tolerance by default, so a client that skips {@code GET /auth/time} fails as it would
 * against a real API on a drifted host
 * @param iceberg whether list endpoints honour {@code X-Pagination-Mode}; switch it off
 * to exercise a client's id-by-id fallback
 * @param seed seed of the deterministic demo data generator
 * @param rateLimitPerMinute requests per minute and consumer key before 429, 0 = off
 * @param readTimeout how long a {@code READ_TIMEOUT} fault keeps the client waiting
 * @param accounts the OVHcloud accounts (nichandles) the sandbox knows, with their keys
 * @param faults faults injected from start-up
 */
@ConfigurationProperties("domaindesk.sandbox")
@Validated
public record SandboxProperties(@DefaultValue("false") boolean enabled, @DefaultValue("PT7M17S") Duration clockOffset,
		@DefaultValue("true") boolean iceberg, @DefaultValue("20240917") long seed,
		@DefaultValue("0") int rateLimitPerMinute, @DefaultValue("PT65S") Duration readTimeout,
		Map<String, @Valid Account> accounts, List<Fault> faults) {

	public SandboxProperties {
		clockOffset = (clockOffset != null) ? clockOffset : Duration.ofSeconds(437);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(65);
		accounts = byKey(accounts);
		faults = (faults == null) ? List.of() : List.copyOf(faults);
	}

	/** The accounts in key order, the demo's first. */
	public List<Account> accountList() {
		return List.copyOf(this.accounts.values());
	}

	/**
	 * Accounts are a map with stable keys, not a list: Spring Boot binds a list from one
	 * property source only (and refuses gaps), so the documented
	 * {@code accounts[i].domains} given alone would replace both demo accounts with one
	 * that has no keys. {@code accounts[0]} is the key {@code 0}; what is bound fills in
	 * over the default of the same key, field by field; a new key is a new account.
	 */
	private static Map<String, Account> byKey(Map<String, Account> given) {
		Map<String, Account> merged = new TreeMap<>(Comparator
			.comparing((String key) -> key.matches("\\d{1,9}") ? Integer.parseInt(key) : Integer.MAX_VALUE)
			.thenComparing(Comparator.naturalOrder()));
		List<Account> defaults = defaultAccounts();
		for (int i = 0; i < defaults.size(); i++) {
			merged.put(String.valueOf(i), defaults.get(i));
		}
		if (given != null) {
			given.forEach(
					(key, bound) -> merged.merge(key, bound.complete(), (fallback, value) -> bound.over(fallback)));
		}
		return Collections.unmodifiableMap(merged);
	}

	static List<Account> defaultAccounts() {
		return List.of(
				new Account("ae1000-ovh", "dd-demo-ak-exemple", "dd-demo-as-exemple-0123456789abcdef",
						"dd-demo-ck-exemple-0123456789abcdef", 250, "Agence Exemple"),
				new Account("sn2000-ovh", "dd-demo-ak-nord", "dd-demo-as-nord-0123456789abcdef",
						"dd-demo-ck-nord-0123456789abcdef", 40, "Studio Nord"));
	}

	/**
	 * One OVHcloud customer account with an already validated consumer key.
	 *
	 * @param nichandle the account's NIC handle
	 * @param applicationKey AK
	 * @param applicationSecret AS
	 * @param consumerKey CK, validated with full rights on start-up
	 * @param domains how many domains to seed (up to 100,000)
	 * @param companyName the agency name shown in {@code GET /me}
	 */
	public record Account(String nichandle, String applicationKey, String applicationSecret, String consumerKey,
			@Min(0) @Max(100_000) Integer domains, String companyName) {

		Account over(Account fallback) {
			return new Account(or(this.nichandle, fallback.nichandle), or(this.applicationKey, fallback.applicationKey),
					or(this.applicationSecret, fallback.applicationSecret), or(this.consumerKey, fallback.consumerKey),
					or(this.domains, fallback.domains), or(this.companyName, fallback.companyName));
		}

		Account complete() {
			return (this.domains != null) ? this : new Account(this.nichandle, this.applicationKey,
					this.applicationSecret, this.consumerKey, 10, this.companyName);
		}

		private static <T> T or(T value, T fallback) {
			return (value != null) ? value : fallback;
		}

	}

	/**
	 * A fault rule.
	 *
	 * @param route route pattern, optionally prefixed by a method: {@code GET /domain/**}
	 * @param kind what happens; {@code null} means latency only
	 * @param rate percentage of matching requests affected, 0 to 100
	 * @param latencyMs added latency in milliseconds
	 */
	public record Fault(String route, FaultKind kind, @DefaultValue("100") int rate,
			@DefaultValue("0") long latencyMs) {

	}

	/**
	 * The failures the emulator can simulate.
	 */
	public enum FaultKind {

		/** 429 with an OVHcloud-style JSON body. */
		TOO_MANY_REQUESTS,
		/** 500 with an HTML body, like a load balancer page. */
		SERVER_ERROR_HTML,
		/** 503 with a JSON body. */
		SERVICE_UNAVAILABLE,
		/** The answer comes after {@code read-timeout}. */
		READ_TIMEOUT,
		/** The connection is closed in the middle of the response. */
		CONNECTION_RESET,
		/** Only the latency applies. */
		LATENCY

	}

}
