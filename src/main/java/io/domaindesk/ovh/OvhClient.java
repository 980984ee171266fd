package io.domaindesk.ovh;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The OVHcloud API for one connection. Thread-safe; get it from {@link OvhClients} in the
 * application, or {@link #create} elsewhere.
 */
public final class OvhClient {

	private final OvhConnection connection;

	private final OvhDomainsApi domains;

	private final OvhContactsApi contacts;

	private final OvhMeApi me;

	private final OvhOrdersApi orders;

	private final OvhAuthApi auth;

	private final OvhPaymentsApi payments;

	private final OvhTaskArgumentsApi taskArguments;

	OvhClient(OvhConnection connection, OvhProperties properties, OvhClock clock, MeterRegistry registry) {
		this(connection, properties, clock, registry, OvhEndpointGuard.open());
	}

	OvhClient(OvhConnection connection, OvhProperties properties, OvhClock clock, MeterRegistry registry,
			OvhEndpointGuard guard) {
		this.connection = connection;
		OvhTransport transport = new OvhTransport(connection, properties, clock, registry, guard);
		this.domains = new OvhDomainsApi(transport);
		this.contacts = new OvhContactsApi(transport);
		this.me = new OvhMeApi(transport);
		this.orders = new OvhOrdersApi(transport);
		this.auth = new OvhAuthApi(transport);
		this.payments = new OvhPaymentsApi(transport);
		this.taskArguments = new OvhTaskArgumentsApi(transport);
	}

	public static OvhClient create(OvhConnection connection) {
		return create(connection, OvhProperties.defaults());
	}

	public static OvhClient create(OvhConnection connection, OvhProperties properties) {
		return new OvhClient(connection, properties, new OvhClock(), null);
	}

	public OvhConnection connection() {
		return this.connection;
	}

	public OvhDomainsApi domains() {
		return this.domains;
	}

	public OvhContactsApi contacts() {
		return this.contacts;
	}

	public OvhMeApi me() {
		return this.me;
	}

	public OvhOrdersApi orders() {
		return this.orders;
	}

	public OvhAuthApi auth() {
		return this.auth;
	}

	public OvhPaymentsApi payments() {
		return this.payments;
	}

	public OvhTaskArgumentsApi taskArguments() {
		return this.taskArguments;
	}

	@Override
	public String toString() {
		return "OvhClient[" + this.connection + "]";
	}

}
