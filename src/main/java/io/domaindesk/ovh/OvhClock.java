package io.domaindesk.ovh;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Server time per API root. OVHcloud rejects timestamps that are off, and neither our
 * hosts nor theirs are guaranteed to be on time, so the delta is learnt from
 * {@code GET /auth/time} and learnt again when a signature is refused.
 */
final class OvhClock {

	private final Map<String, Long> deltas = new ConcurrentHashMap<>();

	private final LongSupplier localSeconds;

	OvhClock() {
		this(() -> System.currentTimeMillis() / 1000);
	}

	OvhClock(LongSupplier localSeconds) {
		this.localSeconds = localSeconds;
	}

	/**
	 * Current OVHcloud time for the API root, asking the server once if needed.
	 */
	long now(String baseUrl, LongSupplier serverTime) {
		Long delta = this.deltas.get(baseUrl);
		if (delta == null) {
			long server = serverTime.getAsLong();
			delta = server - this.localSeconds.getAsLong();
			this.deltas.put(baseUrl, delta);
		}
		return this.localSeconds.getAsLong() + delta;
	}

	void forget(String baseUrl) {
		this.deltas.remove(baseUrl);
	}

	Long delta(String baseUrl) {
		return this.deltas.get(baseUrl);
	}

}
