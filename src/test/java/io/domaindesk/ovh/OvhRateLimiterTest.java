package io.domaindesk.ovh;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OvhRateLimiterTest {

	@Test
	void callsArePacedAfterTheBurst() throws IOException {
		try (FakeOvhServer server = new FakeOvhServer()) {
			server.on("GET", "/me", "{\"nichandle\":\"ab12345-ovh\"}");
			OvhConnection connection = server.connection().withRequestsPerMinute(120);
			OvhProperties properties = OvhProperties.defaults().withRateLimit(2, Duration.ofSeconds(10));
			OvhClient client = new OvhClient(connection, properties, new OvhClock(), null);
			client.auth().time();
			long start = System.nanoTime();
			for (int i = 0; i < 4; i++) {
				client.me().get();
			}
			// /auth/time and 1 call use the burst of 2; the other 3 wait 0.5 s each at
			// 2/s.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400))
				.isLessThan(Duration.ofMillis(2900));
		}
	}

	@Test
	void slowsDownAfter429AndRefusesWaitsBeyondTheMaximum() {
		AtomicLong now = new AtomicLong();
		OvhRateLimiter limiter = new OvhRateLimiter(60, 1, Duration.ofMillis(1500), now::get);
		assertThat(limiter.reserve()).isZero();
		assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(1).toNanos());
		now.addAndGet(Duration.ofSeconds(10).toNanos());
		limiter.slowDown();
		assertThat(limiter.reserve()).isZero();
		assertThat(limiter.reserve()).isEqualTo(-1);
		now.addAndGet(Duration.ofSeconds(61).toNanos());
		assertThat(limiter.reserve()).isZero();
		assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(1).toNanos());
	}

	@Test
	void callerGetsRateLimitedWhenNoPermitInTime() throws IOException {
		try (FakeOvhServer server = new FakeOvhServer()) {
			server.on("GET", "/me", "{\"nichandle\":\"ab12345-ovh\"}");
			OvhConnection connection = server.connection().withRequestsPerMinute(1);
			OvhProperties properties = OvhProperties.defaults().withRateLimit(2, Duration.ofMillis(100));
			OvhClient client = new OvhClient(connection, properties, new OvhClock(), null);
			client.me().get();
			assertThatThrownBy(() -> client.me().get()).isInstanceOfSatisfying(OvhException.RateLimited.class,
					(ex) -> assertThat(ex.status()).isZero());
		}
	}

}
