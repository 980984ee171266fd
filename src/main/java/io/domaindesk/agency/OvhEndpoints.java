package io.domaindesk.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.domaindesk.ovh.OvhEndpointGuard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The endpoints an agency admin may choose for a connection: OVHcloud's three regions,
 * the built-in sandbox while it is on, and custom base URLs, set either by the operator
 * ({@code domaindesk.ovh-endpoints.custom.<name>=https://…}) or by a platform admin on
 * {@code /admin/endpoints} ({@link CustomEndpoints}, table {@code ovh_custom_endpoint}).
 * An agency admin never types a URL: DomainDesk sends signed calls there, and shows part
 * of the answer.
 */
@Component
@EnableConfigurationProperties(OvhEndpoints.Settings.class)
class OvhEndpoints {

	static final List<String> OVHCLOUD = List.of("ovh-eu", "ovh-ca", "ovh-us");

	/**
	 * {@code domaindesk.ovh-endpoints.*}, set by the platform's operator.
	 *
	 * @param custom name → base URL ({@code https} only; checked at start-up and again,
	 * resolved, on every connection)
	 */
	@ConfigurationProperties("domaindesk.ovh-endpoints")
	record Settings(Map<String, String> custom) {

		Settings {
			custom = (custom != null) ? new TreeMap<>(custom) : Map.of();
		}

	}

	private final Map<String, String> custom;

	private final boolean sandboxOn;

	private final Environment environment;

	private final JdbcClient jdbc;

	OvhEndpoints(Settings settings, Environment environment, JdbcClient jdbc) {
		this.environment = environment;
		this.jdbc = jdbc;
		this.sandboxOn = environment.getProperty("domaindesk.sandbox.enabled", Boolean.class, false);
		settings.custom().forEach((name, url) -> {
			if (!isFreeName(name)) {
				throw new IllegalStateException("domaindesk.ovh-endpoints.custom." + name
						+ ": use another name (lower-case letters, digits, dashes; not ovh-eu/ca/us or sandbox)");
			}
			try {
				OvhEndpointGuard.checkBaseUrl(url, this.sandboxOn);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("domaindesk.ovh-endpoints.custom." + name + ": " + ex.getMessage());
			}
		});
		this.custom = settings.custom();
	}

	/** What the connection form offers, in this order. */
	List<String> choices() {
		List<String> choices = new ArrayList<>(OVHCLOUD);
		if (this.sandboxOn) {
			choices.add(OvhAccounts.SANDBOX);
		}
		Map<String, String> custom = new TreeMap<>(added());
		custom.putAll(this.custom);
		choices.addAll(custom.keySet());
		return choices;
	}

	boolean sandboxOn() {
		return this.sandboxOn;
	}

	/** The operator's custom endpoints (read-only on the page). */
	Map<String, String> configured() {
		return this.custom;
	}

	/** The custom endpoints platform admins added, by name. */
	Map<String, String> added() {
		Map<String, String> added = new TreeMap<>();
		this.jdbc.sql("select name, base_url from ovh_custom_endpoint")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach((e) -> added.put(e.getKey(), e.getValue()));
		return added;
	}

	/** A name a custom endpoint may take: not OVHcloud's, not the sandbox's, simple. */
	static boolean isFreeName(String name) {
		return name != null && !OVHCLOUD.contains(name) && !OvhAccounts.SANDBOX.equals(name)
				&& name.matches("[a-z0-9-]{1,40}");
	}

	boolean isChoice(String endpoint) {
		return endpoint != null && choices().contains(endpoint);
	}

	/**
	 * The base URL (or region name) a stored endpoint stands for. Rows stored before the
	 * choice list keep their URL; the transport still checks where it resolves.
	 */
	String resolve(String stored) {
		if (OvhAccounts.SANDBOX.equals(stored)) {
			return sandboxUrl();
		}
		String configured = this.custom.get(stored);
		if (configured != null) {
			return configured;
		}
		if (stored == null || OVHCLOUD.contains(stored) || stored.contains("://")) {
			return stored;
		}
		return this.jdbc.sql("select base_url from ovh_custom_endpoint where name = :name")
			.param("name", stored)
			.query(String.class)
			.optional()
			.orElse(stored);
	}

	private String sandboxUrl() {
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String context = this.environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + context + "/ovh-sandbox/1.0";
	}

}
