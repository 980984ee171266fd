package io.domaindesk.infrastructure;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.domaindesk.support.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations build the schema from nothing, on the same PostgreSQL as production, and
 * validate afterwards.
 */
@Tag("integration")
class MigrationTests {

	@Test
	void migrationsRunOnAnEmptyDatabase() {
		TestDatabase.Server server = TestDatabase.get();
		String url = server.createDatabase("migrations_" + System.nanoTime());
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, server.username(), server.password());

		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
		MigrateResult result = flyway.migrate();

		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isGreaterThan(0);
		flyway.validate();
		List<String> tables = JdbcClient.create(dataSource)
			.sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list();
		assertThat(tables).contains("agency", "app_user", "login_attempt", "ovh_account", "audit_event", "shedlock",
				"spring_session", "spring_session_attributes");
		// A second run has nothing left to do.
		assertThat(flyway.migrate().migrationsExecuted).isZero();
	}

}
