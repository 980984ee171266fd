package io.domaindesk.domains;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncPaceTests {

	private long now;

	private final List<Long> sleeps = new ArrayList<>();

	private SyncPace pace(double share) {
		return new SyncPace(share, () -> this.now, (nanos) -> {
			this.sleeps.add(nanos);
			this.now += nanos;
		});
	}

	@Test
	void aQuarterShareRestsThreeTimesAsLongAsItWorked() {
		SyncPace pace = pace(0.25);
		this.now += Duration.ofMillis(100).toNanos();
		pace.pause();
		this.now += Duration.ofMillis(40).toNanos();
		pace.pause();
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(300).toNanos(), Duration.ofMillis(120).toNanos());
		assertThat(pace.paused()).isEqualTo(Duration.ofMillis(420));
	}

	@Test
	void onlyTheWorkSinceTheLastPauseCounts() {
		SyncPace pace = pace(0.5);
		this.now += Duration.ofMillis(200).toNanos();
		pace.pause();
		pace.pause();
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(200).toNanos());
	}

	@Test
	void aFullShareNeverPausesAndALongPageIsCapped() {
		SyncPace full = pace(1);
		this.now += Duration.ofSeconds(3).toNanos();
		full.pause();
		assertThat(this.sleeps).isEmpty();
		SyncPace quarter = pace(0.25);
		this.now += Duration.ofSeconds(30).toNanos();
		quarter.pause();
		assertThat(this.sleeps).containsExactly(SyncPace.MAX_PAUSE.toNanos());
	}

	@Test
	void anInterruptedPauseEndsAndKeepsTheFlag() {
		SyncPace pace = new SyncPace(0.25, () -> this.now, (nanos) -> {
			throw new InterruptedException();
		});
		this.now += 1_000_000;
		pace.pause();
		assertThat(Thread.interrupted()).isTrue();
		assertThat(pace.paused()).isZero();
	}

}
