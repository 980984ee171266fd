package io.domaindesk.ovh;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One {@link OvhClient} per connection, kept so that its rate limiter and OAuth2 token
 * outlive a single request. The server-time delta is shared per API root.
 */
@Component
public class OvhClients {

	/**
	 * The counter of calls made inside a database transaction (tagged {@code method} and
	 * {@code path}), which the house rules forbid: it should stay at zero.
	 */
	public static final String CALLS_IN_TRANSACTION = OvhMetrics.IN_TRANSACTION;

	private final Map<OvhConnection, OvhClient> clients = new ConcurrentHashMap<>();

	private final OvhProperties properties;

	private final MeterRegistry registry;

	private final OvhClock clock = new OvhClock();

	private final OvhEndpointGuard guard;

	OvhClients(OvhProperties properties, ObjectProvider<MeterRegistry> registry, Environment environment) {
		this.properties = properties;
		this.registry = registry.getIfAvailable();
		// Loopback is reachable only while the built-in sandbox is served (on this very
		// application).
		this.guard = OvhEndpointGuard
			.enforced(environment.getProperty("domaindesk.sandbox.enabled", Boolean.class, false));
	}

	/**
	 * Whether a base URL may be used, as the application checks it on every connection.
	 */
	public OvhEndpointGuard guard() {
		return this.guard;
	}

	/**
	 * The client of a connection; the same instance while the connection (endpoint, keys
	 * and secrets) is unchanged.
	 */
	public OvhClient client(OvhConnection connection) {
		return this.clients.computeIfAbsent(connection,
				(key) -> new OvhClient(key, this.properties, this.clock, this.registry, this.guard));
	}

	/** How an application key appears in the metrics' {@code application} tag. */
	public static String applicationTag(String applicationKey) {
		return "app-" + OvhMetrics.digest(applicationKey);
	}

	/**
	 * Drops a client, e.g. when an account is disconnected.
	 */
	public void forget(OvhConnection connection) {
		this.clients.remove(connection);
	}

}
