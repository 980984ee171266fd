package io.domaindesk.agency;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code domaindesk.demo.*}: the agencies, users and OVHcloud connections of the local
 * demo.
 * <p>
 * Agencies and their users are maps with stable keys, not lists: Spring Boot binds a list
 * from one property source only (and refuses gaps), so one documented property given
 * alone on the command line ({@code domaindesk.demo.agencies[0].ovh.endpoint}) used to
 * replace the whole list and leave the agency without a name or users. The documented
 * names still work: {@code agencies[0]} is the key {@code 0}. What is bound fills in over
 * the default of the same key (0 = Agence Exemple, 1 = Studio Nord), field by field; a
 * new key is a new agency.
 */
@ConfigurationProperties("domaindesk.demo")
@Validated
record DemoProperties(boolean enabled, String password, List<String> platformAdmins,
		Map<String, @Valid DemoAgency> agencies) {

	static final Map<String, DemoAgency> DEFAULT_AGENCIES = Map.of("0",
			new DemoAgency("Agence Exemple",
					Map.of("0", new DemoUser("alice", "Alice Martin", Role.AGENCY_ADMIN), "1",
							new DemoUser("bob", "Bob Lefebvre", Role.STAFF), "2",
							new DemoUser("dora", "Dora Petit", Role.AUDITOR)),
					// "sandbox" is the built-in sandbox on this application's own port,
					// which takes more than OVHcloud's 60 calls a minute.
					new DemoOvh("sandbox", "dd-demo-ak-exemple", "dd-demo-as-exemple-0123456789abcdef",
							"dd-demo-ck-exemple-0123456789abcdef", 600)),
			"1",
			new DemoAgency("Studio Nord", Map.of("0", new DemoUser("carol", "Carol Dubois", Role.STAFF)),
					new DemoOvh("sandbox", "dd-demo-ak-nord", "dd-demo-as-nord-0123456789abcdef",
							"dd-demo-ck-nord-0123456789abcdef", 600)));

	DemoProperties {
		password = (password != null) ? password : "demo-password";
		platformAdmins = (platformAdmins != null) ? platformAdmins : List.of("root");
		agencies = byKey(DEFAULT_AGENCIES, agencies, DemoAgency::over);
	}

	/**
	 * {@code given} over {@code defaults}, key by key, in key order (numeric keys as
	 * numbers: 2 before 10).
	 */
	static <T> Map<String, T> byKey(Map<String, T> defaults, Map<String, T> given, BinaryOperator<T> over) {
		Map<String, T> merged = new TreeMap<>(Comparator
			.comparing((String key) -> key.matches("\\d{1,9}") ? Integer.parseInt(key) : Integer.MAX_VALUE)
			.thenComparing(Comparator.naturalOrder()));
		merged.putAll(defaults);
		if (given != null) {
			given.forEach((key, value) -> merged.merge(key, value, (fallback, bound) -> over.apply(bound, fallback)));
		}
		return Collections.unmodifiableMap(merged);
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	record DemoAgency(@NotBlank String name, Map<String, @Valid DemoUser> users, @Valid DemoOvh ovh) {

		DemoAgency {
			users = byKey(Map.of(), users, DemoUser::over);
		}

		DemoAgency over(DemoAgency fallback) {
			return new DemoAgency(or(this.name, fallback.name), byKey(fallback.users, this.users, DemoUser::over),
					(this.ovh == null) ? fallback.ovh
							: (fallback.ovh == null) ? this.ovh : this.ovh.over(fallback.ovh));
		}

	}

	record DemoUser(@NotBlank String username, @NotBlank String displayName, @NotNull Role role) {

		DemoUser over(DemoUser fallback) {
			return new DemoUser(or(this.username, fallback.username), or(this.displayName, fallback.displayName),
					or(this.role, fallback.role));
		}

	}

	record DemoOvh(@NotBlank String endpoint, @NotBlank String applicationKey, @NotBlank String applicationSecret,
			@NotBlank String consumerKey, @Positive Integer requestsPerMinute) {

		DemoOvh over(DemoOvh fallback) {
			return new DemoOvh(or(this.endpoint, fallback.endpoint), or(this.applicationKey, fallback.applicationKey),
					or(this.applicationSecret, fallback.applicationSecret), or(this.consumerKey, fallback.consumerKey),
					or(this.requestsPerMinute, fallback.requestsPerMinute));
		}

		@Override
		public String toString() {
			return "DemoOvh[" + this.endpoint + ", " + this.applicationKey + "]";
		}

	}

}
