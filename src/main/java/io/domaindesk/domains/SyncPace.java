package io.domaindesk.domains;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Paces one sync so that it works only a share of its wall time: the time since the last
 * pause ended (the page read from OVHcloud and written to the inventory) is work, and the
 * pause that follows lasts {@code work × (1 / share − 1)}, at most {@link #MAX_PAUSE}. A
 * sync of 100,000 domains is a few hundred short bursts with the machine left to users in
 * between, instead of one long one that queues their requests behind it.
 */
final class SyncPace {

	/** A page that took very long (a slow answer, retries) does not stall the sync. */
	static final Duration MAX_PAUSE = Duration.ofSeconds(5);

	interface Sleeper {

		void sleep(long nanos) throws InterruptedException;

	}

	private final double share;

	private final LongSupplier nanoClock;

	private final Sleeper sleeper;

	private long workingSince;

	private long pausedNanos;

	SyncPace(double share) {
		this(share, System::nanoTime, (nanos) -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
	}

	SyncPace(double share, LongSupplier nanoClock, Sleeper sleeper) {
		this.share = share;
		this.nanoClock = nanoClock;
		this.sleeper = sleeper;
		this.workingSince = nanoClock.getAsLong();
	}

	/**
	 * Pauses in proportion to the work done since the last pause. An interrupted pause
	 * ends at once, the thread's interrupt flag kept.
	 */
	void pause() {
		long work = this.nanoClock.getAsLong() - this.workingSince;
		long pause = (this.share >= 1) ? 0 : Math.min(MAX_PAUSE.toNanos(), (long) (work * (1 / this.share - 1)));
		if (pause > 0) {
			try {
				this.sleeper.sleep(pause);
				this.pausedNanos += pause;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.workingSince = this.nanoClock.getAsLong();
	}

	/** How long this sync has paused so far. */
	Duration paused() {
		return Duration.ofNanos(this.pausedNanos);
	}

}
