package io.domaindesk.ovh;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Token bucket per connection. OVHcloud publishes no limit ("under 60 req/min by consumer
 * key you should be ok"), so we pace ourselves and slow down further when told to.
 */
final class OvhRateLimiter {

	private static final long SLOW_DOWN_NANOS = Duration.ofMinutes(1).toNanos();

	private final double permitsPerNano;

	private final double burst;

	private final long maxWaitNanos;

	private final LongSupplier nanoClock;

	private double tokens;

	private long lastRefill;

	private long slowUntil;

	OvhRateLimiter(int requestsPerMinute, int burst, Duration maxWait) {
		this(requestsPerMinute, burst, maxWait, System::nanoTime);
	}

	OvhRateLimiter(int requestsPerMinute, int burst, Duration maxWait, LongSupplier nanoClock) {
		this.permitsPerNano = requestsPerMinute / (double) Duration.ofMinutes(1).toNanos();
		this.burst = Math.max(1, burst);
		this.maxWaitNanos = maxWait.toNanos();
		this.nanoClock = nanoClock;
		this.tokens = this.burst;
		this.lastRefill = nanoClock.getAsLong();
		this.slowUntil = this.lastRefill;
	}

	/**
	 * Waits for a permit.
	 * @return false when the wait would exceed the maximum; nothing is reserved then
	 */
	boolean acquire() throws InterruptedException {
		long waitNanos = reserve();
		if (waitNanos < 0) {
			return false;
		}
		if (waitNanos > 0) {
			Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
		}
		return true;
	}

	/**
	 * Halves the pace for a minute, after OVHcloud answered 429.
	 */
	synchronized void slowDown() {
		refill();
		this.slowUntil = this.nanoClock.getAsLong() + SLOW_DOWN_NANOS;
	}

	/**
	 * Takes a token, letting the bucket go into debt so that concurrent callers queue up
	 * in order. Returns how long to sleep, or -1 if that exceeds the maximum wait.
	 */
	synchronized long reserve() {
		refill();
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		long wait = (long) Math.ceil((1 - this.tokens) / rate());
		if (wait > this.maxWaitNanos) {
			return -1;
		}
		this.tokens -= 1;
		return wait;
	}

	private void refill() {
		long now = this.nanoClock.getAsLong();
		this.tokens = Math.min(this.burst, this.tokens + (now - this.lastRefill) * rate());
		this.lastRefill = now;
	}

	private double rate() {
		return (this.nanoClock.getAsLong() - this.slowUntil < 0) ? this.permitsPerNano / 2 : this.permitsPerNano;
	}

}
