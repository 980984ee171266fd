package io.domaindesk.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * The fault rules in force: those from properties at start-up, then whatever the control
 * page or {@link SandboxControl} sets.
 */
@Component
@ConditionalOnSandbox
class Faults {

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final List<SandboxProperties.Fault> rules = new CopyOnWriteArrayList<>();

	private final Duration defaultReadTimeout;

	private volatile Duration readTimeout;

	Faults(SandboxProperties properties) {
		properties.faults().forEach(this::add);
		this.defaultReadTimeout = properties.readTimeout();
		this.readTimeout = properties.readTimeout();
	}

	/** How long a {@code READ_TIMEOUT} fault holds the answer back. */
	Duration readTimeout() {
		return this.readTimeout;
	}

	void setReadTimeout(Duration readTimeout) {
		this.readTimeout = (readTimeout != null) ? readTimeout : this.defaultReadTimeout;
	}

	void add(SandboxProperties.Fault fault) {
		if (fault.route() == null || fault.route().isBlank()) {
			throw new IllegalArgumentException("A fault needs a route pattern");
		}
		if (fault.rate() < 0 || fault.rate() > 100) {
			throw new IllegalArgumentException("Rate must be between 0 and 100");
		}
		this.rules.add(fault);
	}

	void clear() {
		this.rules.clear();
		this.readTimeout = this.defaultReadTimeout;
	}

	List<SandboxProperties.Fault> rules() {
		return List.copyOf(this.rules);
	}

	/** Sum of the latencies of every rule matching this call. */
	long latency(String method, String path) {
		return this.rules.stream()
			.filter((rule) -> matches(rule, method, path))
			.mapToLong(SandboxProperties.Fault::latencyMs)
			.sum();
	}

	/** The failure to simulate for this call, if any rule's dice say so. */
	Optional<SandboxProperties.FaultKind> pick(String method, String path) {
		for (SandboxProperties.Fault rule : this.rules) {
			if (rule.kind() != null && rule.kind() != SandboxProperties.FaultKind.LATENCY && matches(rule, method, path)
					&& ThreadLocalRandom.current().nextInt(100) < rule.rate()) {
				return Optional.of(rule.kind());
			}
		}
		return Optional.empty();
	}

	boolean matches(SandboxProperties.Fault rule, String method, String path) {
		String pattern = rule.route().trim();
		int space = pattern.indexOf(' ');
		if (space > 0) {
			if (!pattern.substring(0, space).equalsIgnoreCase(method)) {
				return false;
			}
			pattern = pattern.substring(space + 1).trim();
		}
		if (pattern.startsWith("/ovh-sandbox/1.0")) {
			pattern = pattern.substring("/ovh-sandbox/1.0".length());
		}
		return this.matcher.match(pattern, path);
	}

}
