package io.domaindesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The sandbox's own time: the host clock plus a configured offset (so clients have to
 * sync with {@code GET /auth/time}) plus whatever tests advanced it by.
 */
@Component
@ConditionalOnSandbox
public class SandboxClock {

	private final Duration offset;

	private final AtomicReference<Duration> advanced = new AtomicReference<>(Duration.ZERO);

	SandboxClock(SandboxProperties properties) {
		this.offset = properties.clockOffset();
	}

	/**
	 * Returns the current sandbox instant.
	 * @return now, in sandbox time
	 */
	public Instant now() {
		return Instant.now().plus(this.offset).plus(this.advanced.get());
	}

	/**
	 * Moves sandbox time forward, e.g. to expire tasks.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.advanced.updateAndGet((current) -> current.plus(duration));
	}

	/**
	 * Forgets every {@link #advance(Duration)}.
	 */
	public void reset() {
		this.advanced.set(Duration.ZERO);
	}

	long epochSeconds() {
		return now().getEpochSecond();
	}

}
