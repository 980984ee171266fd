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
				"0123456789abcdef0123456789abcdef", "spring.flyway.user", "owner", "spring.flyway.password", "pw2"));
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

	@Test
	void prodRefusesTheDemoKeyEveryKeyOfTheExampleFileAndTheSandbox() throws Exception {
		Map<String, Object> complete = new java.util.HashMap<>(Map.of("spring.datasource.url",
				"jdbc:postgresql://db/dd", "spring.datasource.username", "dd", "spring.datasource.password", "pw",
				"spring.flyway.user", "owner", "spring.flyway.password", "pw2"));
		java.util.List<String> keys = new java.util.ArrayList<>(java.util.List
			.of("local-demo-master-key-not-for-production", "replace-with-the-output-of-openssl-rand-hex-32"));
		// Whatever .env.example holds (it should hold no secret at all) is refused.
		java.nio.file.Files.readAllLines(java.nio.file.Path.of(".env.example"))
			.stream()
			.filter((line) -> line.contains("=") && !line.startsWith("#"))
			.map((line) -> line.substring(line.indexOf('=') + 1).strip())
			.filter((value) -> value.length() >= 32)
			.forEach(keys::add);
		for (String key : keys) {
			Map<String, Object> settings = new java.util.HashMap<>(complete);
			settings.put("domaindesk.master-key", key);
			assertThatIllegalStateException().as(key)
				.isThrownBy(() -> ProductionSettingsCheck.check(prod(settings)))
				.withMessageContaining("DOMAINDESK_MASTER_KEY");
		}
		Map<String, Object> sandbox = new java.util.HashMap<>(complete);
		sandbox.put("domaindesk.master-key", "0123456789abcdef0123456789abcdef");
		sandbox.put("domaindesk.sandbox.enabled", "true");
		assertThatIllegalStateException().isThrownBy(() -> ProductionSettingsCheck.check(prod(sandbox)))
			.withMessageContaining("DOMAINDESK_SANDBOX=false");
	}

	@Test
	void theExampleEnvironmentFileHasNoSecretsAndSecureCookies() throws Exception {
		Map<String, String> example = new java.util.LinkedHashMap<>();
		java.nio.file.Files.readAllLines(java.nio.file.Path.of(".env.example"))
			.stream()
			.filter((line) -> line.contains("=") && !line.startsWith("#"))
			.forEach((line) -> example.put(line.substring(0, line.indexOf('=')).strip(),
					line.substring(line.indexOf('=') + 1).strip()));
		org.assertj.core.api.Assertions.assertThat(example)
			.containsEntry("DOMAINDESK_SECURE_COOKIE", "true")
			.doesNotContainKey("DOMAINDESK_SANDBOX");
		example.forEach((name, value) -> {
			if (name.contains("PASSWORD") || name.contains("KEY") || name.contains("SECRET")) {
				org.assertj.core.api.Assertions.assertThat(value).as(name).isEmpty();
			}
		});
	}

}
