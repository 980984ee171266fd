package io.domaindesk.infrastructure;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs on our machines, so the container files are checked for what can
 * be checked without one.
 */
class ContainerFilesTests {

	@Test
	@SuppressWarnings("unchecked")
	void composeFileDeclaresTheDatabaseAndTheAppInProd() throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			compose = new Yaml().load(reader);
		}
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).containsOnlyKeys("db", "app");
		assertThat((String) ((Map<String, Object>) services.get("db")).get("image")).startsWith("postgres:17");
		Map<String, Object> app = (Map<String, Object>) services.get("app");
		Map<String, Object> environment = (Map<String, Object>) app.get("environment");
		assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD", "DOMAINDESK_MASTER_KEY", "DOMAINDESK_BOOTSTRAP_ADMIN_USER",
				"DOMAINDESK_BOOTSTRAP_ADMIN_PASSWORD", "DOMAINDESK_SANDBOX");
		assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
		assertThat(compose).containsKey("volumes");
		// Every variable the production check requires is provided by the compose file.
		assertThat(environment).containsKeys(ProductionSettingsCheck.REQUIRED.values().toArray(String[]::new));
	}

	@Test
	void dockerfileBuildsWithTheWrapperAndRunsAsNonRootWithAHealthCheck() throws IOException {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		assertThat(dockerfile).contains("./mvnw")
			.contains("--layers")
			.contains("USER domaindesk")
			.contains("HEALTHCHECK")
			.contains("/actuator/health")
			.contains("-jre");
		assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")).count()).isEqualTo(2);
	}

}
