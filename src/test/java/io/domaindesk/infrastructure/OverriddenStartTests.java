package io.domaindesk.infrastructure;

import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.domaindesk.DomainDeskApplication;
import io.domaindesk.support.ProcessEnvironment;
import io.domaindesk.support.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local demo started for real on a fresh database with documented overrides that used
 * to stop it (a demo agency with no name hit a NOT NULL constraint): two on the command
 * line, one in the environment. Each replaced a whole list before; together they cost one
 * start instead of three. The settings tests bind every documented override alone without
 * a database.
 */
@Tag("integration")
class OverriddenStartTests {

	@Test
	void theDemoStartsWithOneAgencyEndpointAndOneSandboxAccountOverridden() {
		TestDatabase.Server server = TestDatabase.get();
		String url = server.createDatabase("overrides_" + System.nanoTime());
		TimeZone before = TimeZone.getDefault();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DomainDeskApplication.class)
			.profiles("test")
			.initializers(ProcessEnvironment.of(Map.of("DOMAINDESK_SANDBOX_ACCOUNTS_1_DOMAINS", "3")))
			.run("--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + server.username(),
					"--spring.datasource.password=" + server.password(),
					"--domaindesk.demo.agencies[0].ovh.endpoint=sandbox", "--domaindesk.time-zone=America/Montreal")) {
			JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select string_agg(name, ',' order by name) from agency").query(String.class).single())
				.isEqualTo("Agence Exemple,Studio Nord");
			assertThat(jdbc.sql("select string_agg(username, ',' order by username) from app_user")
				.query(String.class)
				.single()).isEqualTo("alice,bob,carol,dora,root");
			assertThat(jdbc.sql("select count(*) from ovh_account").query(Long.class).single()).isEqualTo(2);
			assertThat(app.getBean(TimeZoneSettings.class).timeZone()).hasToString("America/Montreal");
			assertThat(TimeZone.getDefault().getID()).isEqualTo("America/Montreal");
		}
		finally {
			TimeZone.setDefault(before);
		}
	}

}
