package io.domaindesk.clients;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Requests per IP address and minute on the public consent page: enough for a person
 * reading and answering, far too few to try tokens. Kept in memory per instance (each
 * instance admits its own share; a token of 256 bits is out of reach either way).
 */
@Component
class ConsentRateLimit {

	/** Past this many addresses, windows of earlier minutes are dropped. */
	private static final int MAX_TRACKED = 10_000;

	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	private final ConsentProperties properties;

	private final Clock clock;

	ConsentRateLimit(ConsentProperties properties) {
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	private record Window(long minute, int count) {

	}

	/** Counts one request; false when this address is over its limit this minute. */
	boolean admit(String ip) {
		long minute = this.clock.millis() / 60_000;
		if (this.windows.size() > MAX_TRACKED) {
			this.windows.values().removeIf(w -> w.minute() < minute);
		}
		Window window = this.windows.compute(String.valueOf(ip), (key, old) -> (old == null || old.minute() != minute)
				? new Window(minute, 1) : new Window(minute, old.count() + 1));
		return window.count() <= this.properties.requestsPerMinute();
	}

	/** Tests start from a clean slate (they all come from 127.0.0.1). */
	void forget() {
		this.windows.clear();
	}

}
