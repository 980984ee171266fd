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
		assertThat(environment)
			.containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
					"DOMAINDESK_MASTER_KEY", "DOMAINDESK_BOOTSTRAP_ADMIN_USER", "DOMAINDESK_BOOTSTRAP_ADMIN_PASSWORD",
					"SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD", "DOMAINDESK_TRUSTED_PROXIES")
			// The sandbox cannot run in prod: nothing to switch.
			.doesNotContainKey("DOMAINDESK_SANDBOX");
		// Two roles, neither PostgreSQL's superuser: Flyway as the owner, the app as
		// itself.
		assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("domaindesk_app");
		assertThat(environment.get("SPRING_FLYWAY_USER")).isEqualTo("domaindesk_owner");
		Map<String, Object> db = (Map<String, Object>) services.get("db");
		assertThat((Map<String, Object>) db.get("environment")).containsEntry("POSTGRES_USER", "postgres")
			.containsKeys("DOMAINDESK_DB_OWNER_PASSWORD", "DOMAINDESK_DB_APP_PASSWORD");
		assertThat((java.util.List<String>) db.get("volumes"))
			.contains("./docker/postgres-init:/docker-entrypoint-initdb.d:ro");
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

	@Test
	void theDatabaseInitScriptCreatesTwoRolesNeitherASuperuser() throws IOException {
		Path init = Path.of("docker/postgres-init");
		String script = Files.readString(init.resolve("01-domaindesk-roles.sh"));
		assertThat(script).startsWith("#!/bin/sh")
			.contains("set -eu")
			.contains("ON_ERROR_STOP=1")
			.contains("DOMAINDESK_DB_OWNER_PASSWORD")
			.contains("DOMAINDESK_DB_APP_PASSWORD");
		assertThat(Files.isExecutable(init.resolve("01-domaindesk-roles.sh"))).isTrue();
		String sql = Files.readString(init.resolve("02-domaindesk-roles.sql.in"));
		assertThat(sql).contains("create role domaindesk_owner login password :'owner_password' nosuperuser")
			.contains("create role domaindesk_app login password :'app_password' nosuperuser")
			.contains("alter schema public owner to domaindesk_owner")
			// The app is never made a member of the owner (it could then disable
			// triggers).
			.doesNotContainPattern("(?i)grant\\s+domaindesk_owner\\s+to")
			.doesNotContainPattern("(?i)\\bsuperuser\\b");
		// The entrypoint runs *.sh and *.sql: the SQL with psql variables must not run
		// on its own.
		try (var files = Files.list(init)) {
			assertThat(files.map((f) -> f.getFileName().toString())).containsExactlyInAnyOrder("01-domaindesk-roles.sh",
					"02-domaindesk-roles.sql.in");
		}
	}

}
