package io.domaindesk.sandbox;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.stereotype.Component;

/**
 * Migrates the {@code ovh_sandbox} schema with a Flyway instance of its own. It is not a
 * {@code Flyway} bean on purpose: one would make Boot's auto-configured Flyway back off
 * and the application's own migrations would silently stop running.
 */
@Component
@ConditionalOnSandbox
class SandboxSchema {

	static final String SCHEMA = "ovh_sandbox";

	SandboxSchema(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.createSchemas(true)
			.locations("classpath:db/sandbox")
			.table("flyway_sandbox_history")
			.load()
			.migrate();
	}

}
