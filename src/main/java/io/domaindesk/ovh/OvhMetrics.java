package io.domaindesk.ovh;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Per-route call metrics; a no-op without a registry so the client works outside Spring.
 */
final class OvhMetrics {

	static final String CALLS = "domaindesk.ovh.calls";

	static final String DURATION = "domaindesk.ovh.call.duration";

	static final String RATE_LIMITED = "domaindesk.ovh.rate.limited";

	/** Calls made while a database transaction was open: each one breaks a house rule. */
	static final String IN_TRANSACTION = "domaindesk.ovh.calls.in.transaction";

	private final MeterRegistry registry;

	private final String host;

	private final String application;

	OvhMetrics(MeterRegistry registry, String baseUrl, String application) {
		this.registry = registry;
		this.host = hostTag(java.net.URI.create(baseUrl).getHost());
		this.application = (application != null) ? "app-" + digest(application) : "none";
	}

	/**
	 * Metrics are read by whoever may scrape them: OVHcloud's own hosts by name, any
	 * other host (chosen by a tenant or an operator, possibly saying more than it should)
	 * and every application key only as a short digest that still tells accounts apart.
	 */
	static String hostTag(String host) {
		if (host == null) {
			return "none";
		}
		if (OvhEndpointGuard.OVHCLOUD_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT))) {
			return host.toLowerCase(java.util.Locale.ROOT);
		}
		return "custom-" + digest(host.toLowerCase(java.util.Locale.ROOT));
	}

	static String digest(String value) {
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(("domaindesk-metrics\0" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param status HTTP status, or 0 when no response came back
	 * @param outcome SUCCESS, CLIENT_ERROR, SERVER_ERROR, NETWORK_ERROR…
	 */
	void record(String method, String template, int status, String outcome, Duration duration) {
		if (this.registry == null) {
			return;
		}
		String statusTag = (status > 0) ? Integer.toString(status) : "NONE";
		Counter.builder(CALLS)
			.description("OVHcloud API calls")
			.tag("host", this.host)
			.tag("application", this.application)
			.tag("method", method)
			.tag("path", template)
			.tag("status", statusTag)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
		Timer.builder(DURATION)
			.description("OVHcloud API call duration")
			.tag("host", this.host)
			.tag("application", this.application)
			.tag("method", method)
			.tag("path", template)
			.tag("status", statusTag)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(duration);
		if (status == 429) {
			Counter.builder(RATE_LIMITED)
				.description("OVHcloud answers 429 Too Many Requests")
				.tag("host", this.host)
				.tag("application", this.application)
				.tag("method", method)
				.tag("path", template)
				.register(this.registry)
				.increment();
		}
	}

	/**
	 * A call made inside a database transaction, which would hold its connection and
	 * locks for as long as OVHcloud takes to answer.
	 */
	void inTransaction(String method, String template) {
		if (this.registry == null) {
			return;
		}
		Counter.builder(IN_TRANSACTION)
			.description("OVHcloud API calls made inside a database transaction (none expected)")
			.tag("method", method)
			.tag("path", template)
			.register(this.registry)
			.increment();
	}

	static String outcome(int status) {
		if (status >= 200 && status < 300) {
			return "SUCCESS";
		}
		if (status >= 400 && status < 500) {
			return "CLIENT_ERROR";
		}
		if (status >= 500) {
			return "SERVER_ERROR";
		}
		return (status == 0) ? "NETWORK_ERROR" : "UNKNOWN";
	}

}
