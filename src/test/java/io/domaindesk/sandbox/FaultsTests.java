package io.domaindesk.sandbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultsTests {

	private final Faults faults = new Faults(new SandboxProperties(true, null, true, 1, 0, null, null, List.of()));

	@Test
	void matchesMethodAndPattern() {
		this.faults.add(new SandboxProperties.Fault("GET /domain/*/task/**",
				SandboxProperties.FaultKind.SERVICE_UNAVAILABLE, 100, 5));
		assertThat(this.faults.pick("GET", "/domain/example.com/task/12"))
			.contains(SandboxProperties.FaultKind.SERVICE_UNAVAILABLE);
		assertThat(this.faults.pick("POST", "/domain/example.com/task/12")).isEmpty();
		assertThat(this.faults.pick("GET", "/domain/example.com")).isEmpty();
		assertThat(this.faults.latency("GET", "/domain/example.com/task")).isEqualTo(5);
	}

	@Test
	void rateZeroNeverFires() {
		this.faults.add(new SandboxProperties.Fault("/ovh-sandbox/1.0/**",
				SandboxProperties.FaultKind.TOO_MANY_REQUESTS, 0, 0));
		for (int i = 0; i < 200; i++) {
			assertThat(this.faults.pick("GET", "/me")).isEmpty();
		}
	}

	@Test
	void refusesBadRates() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.faults
			.add(new SandboxProperties.Fault("/me", SandboxProperties.FaultKind.TOO_MANY_REQUESTS, 101, 0)));
	}

}
