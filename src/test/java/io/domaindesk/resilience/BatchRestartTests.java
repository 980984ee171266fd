package io.domaindesk.resilience;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.domaindesk.contacts.ContactsBench;
import io.domaindesk.domains.InventoryBench;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application stops in the middle of a bulk change and another instance starts: the
 * batch goes on where it stopped, and OVHcloud (the sandbox, whose state lives in the
 * same database) received each change exactly once.
 */
@Tag("resilience")
class BatchRestartTests {

	@Test
	void aBatchStoppedByAShutdownIsFinishedByTheNextInstanceWithoutDuplicates() {
		TestDatabase.Server server = TestDatabase.get();
		String database = "batch_restart_" + System.nanoTime();
		String url = server.createDatabase(database);
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, server.username(), server.password()));
		AppInstance second = null;
		try {
			long agency;
			long batch;
			List<String> domains;
			try (AppInstance first = AppInstance.start("batch-first", url, server.username(), server.password(),
					Map.of())) {
				agency = jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
				assertThat(first.bean(InventoryBench.class).syncNow(agency)).isTrue();
				domains = DemoInventory.reserve(jdbc, agency, "ae1000-ovh", 8);
				String target = jdbc.sql("""
						select contact_tech from domain where agency_id = :a and contact_tech <> 'ae1000-ovh'
						order by contact_tech limit 1
						""").param("a", agency).query(String.class).single();
				// Slow calls, so that the shutdown lands in the middle of the batch.
				first.bean(SandboxControl.class).addLatency("POST /domain/*/changeContact", 400);
				BrowserSession bob = BrowserSession.loggedIn(first.port(), "bob", "demo-password");
				bob.get("/nic-changes/bulk");
				Map<String, String> form = new HashMap<>(Map.of("contactTech", target, "step", "confirm"));
				HttpResponse<String> confirmed = bob.postMulti("/nic-changes/bulk", form, "names", domains);
				assertThat(confirmed.statusCode()).isEqualTo(302);
				batch = Long.parseLong(
						confirmed.headers().firstValue("Location").orElseThrow().replaceFirst(".*/batches/", ""));
				long id = batch;
				Awaitility.await()
					.atMost(Duration.ofSeconds(30))
					.until(() -> count(jdbc,
							"select count(*) from nic_change where batch_id = :b and status = 'SUBMITTED'", id) >= 2);
			}
			long sentBeforeStop = count(jdbc,
					"select count(*) from nic_change where batch_id = :b and status <> 'PLANNED'", batch);
			assertThat(sentBeforeStop).as("the stop came in the middle of the batch").isLessThan(domains.size());

			second = AppInstance.start("batch-second", url, server.username(), server.password(), Map.of());
			long id = batch;
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> "DONE".equals(jdbc.sql("select status from nic_change_batch where id = :b")
					.param("b", id)
					.query(String.class)
					.single()));
			// A change caught mid-call is settled by reading OVHcloud, never sent again.
			ContactsBench contacts = second.bean(ContactsBench.class);
			contacts.poll(agency);
			jdbc.sql("update nic_change set updated_at = now() - interval '1 hour' where batch_id = :b")
				.param("b", batch)
				.update();
			contacts.poll(agency);
			contacts.poll(agency);

			assertThat(count(jdbc,
					"select count(*) from nic_change where batch_id = :b and status in ('PLANNED', 'SUBMITTING')",
					batch))
				.isZero();
			for (String domain : domains) {
				long atOvh = jdbc
					.sql("select count(*) from ovh_sandbox.object where kind = 'contactChange' and ref = :d")
					.param("d", domain)
					.query(Long.class)
					.single();
				String status = jdbc.sql("select status from nic_change where batch_id = :b and domain_name = :d")
					.param("b", batch)
					.param("d", domain)
					.query(String.class)
					.single();
				assertThat(atOvh).as(domain + " (" + status + ")").isEqualTo("SUBMITTED".equals(status) ? 1 : 0);
			}
		}
		finally {
			if (second != null) {
				second.close();
			}
			JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password()))
				.sql("drop database if exists " + database + " with (force)")
				.update();
		}
	}

	private static long count(JdbcClient jdbc, String sql, long batch) {
		return jdbc.sql(sql).param("b", batch).query(Long.class).single();
	}

}
