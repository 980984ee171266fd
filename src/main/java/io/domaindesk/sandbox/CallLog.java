package io.domaindesk.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * How many requests the sandbox received, by method and path, whatever it answered: what
 * a test counts to prove a client sent a call once, twice, never three times. Bounded: a
 * path first seen once 10,000 others are counted is not counted.
 */
@Component
@ConditionalOnSandbox
class CallLog {

	static final int MAX_PATHS = 10_000;

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	void record(String method, String path) {
		String key = method + " " + path;
		AtomicLong count = this.counts.get(key);
		if (count == null) {
			if (this.counts.size() >= MAX_PATHS) {
				return;
			}
			count = this.counts.computeIfAbsent(key, (k) -> new AtomicLong());
		}
		count.incrementAndGet();
	}

	long count(String method, String path) {
		AtomicLong count = this.counts.get(method + " " + path);
		return (count != null) ? count.get() : 0;
	}

}
