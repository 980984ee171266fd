package io.domaindesk.infrastructure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductionSettingsCheckTests {

	@Test
	void prodWithoutDatabaseUrlNamesTheVariable() {
		StandardEnvironment env = prod(Map.of("spring.datasource.username", "dd", "spring.datasource.password", "pw",
				"domaindesk.master-key", "0123456789abcdef0123456789abcdef"));
		assertThatIllegalStateException().isThrownBy(() -> ProductionSettingsCheck.check(env))
			.withMessageContaining("SPRING_DATASOURCE_URL")
			.withMessageNotContaining("DOMAINDESK_MASTER_KEY");
	}

	@Test
	void prodWithoutMasterKeyNamesTheVariable() {
		StandardEnvironment env = prod(Map.of("spring.datasource.url", "jdbc:postgresql://db/dd",
				"spring.datasource.username", "dd", "spring.datasource.password", "pw"));
		assertThatIllegalStateException().isThrownBy(() -> ProductionSettingsCheck.check(env))
			.withMessageContaining("DOMAINDESK_MASTER_KEY");
	}

	@Test
	void prodWithAShortMasterKeyIsRefused() {
		StandardEnvironment env = prod(
				Map.of("spring.datasource.url", "jdbc:postgresql://db/dd", "spring.datasource.username", "dd",
						"spring.datasource.password", "pw", "domaindesk.master-key", "short"));
		assertThatIllegalStateException().isThrownBy(() -> ProductionSettingsCheck.check(env))
			.withMessageContaining("too short");
	}

	@Test
	void completeProdSettingsPass() {
		StandardEnvironment env = prod(Map.of("spring.datasource.url", "jdbc:postgresql://db/dd",
				"spring.datasource.username", "dd", "spring.datasource.password", "pw", "domaindesk.master-key",
				"0123456789abcdef0123456789abcdef"));
		assertThatCode(() -> ProductionSettingsCheck.check(env)).doesNotThrowAnyException();
	}

	@Test
	void localRunsNeedNothing() {
		assertThatCode(() -> ProductionSettingsCheck.check(new StandardEnvironment())).doesNotThrowAnyException();
	}

	private static StandardEnvironment prod(Map<String, Object> properties) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("test", properties));
		env.setActiveProfiles("prod");
		return env;
	}

}
