package io.domaindesk.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Fixed one-minute windows per consumer key, the unit OVHcloud staff talk about ("60
 * req/min by consumer key"). Off while the limit is 0.
 */
@Component
@ConditionalOnSandbox
class RateLimiter {

	private volatile int perMinute;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final SandboxClock clock;

	RateLimiter(SandboxProperties properties, SandboxClock clock) {
		this.perMinute = properties.rateLimitPerMinute();
		this.clock = clock;
	}

	void setPerMinute(int perMinute) {
		this.perMinute = Math.max(0, perMinute);
		this.windows.clear();
	}

	int perMinute() {
		return this.perMinute;
	}

	/** Counts the call and tells whether it is still within the limit. */
	boolean allow(String consumerKey) {
		int limit = this.perMinute;
		if (limit <= 0 || consumerKey == null) {
			return true;
		}
		long minute = this.clock.epochSeconds() / 60;
		Window window = this.windows.compute(consumerKey,
				(key, current) -> (current == null || current.minute != minute) ? new Window(minute) : current);
		return window.count.incrementAndGet() <= limit;
	}

	private static final class Window {

		final long minute;

		final AtomicInteger count = new AtomicInteger();

		Window(long minute) {
			this.minute = minute;
		}

	}

}
