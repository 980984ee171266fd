package io.domaindesk.contacts;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Bulk nichandle changes: the pre-flight report, the batch in the background, pause /
 * resume / cancel, and a batch resumed after a restart that never sends a change twice.
 */
@IntegrationTest
class BulkChangeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	BatchWorker worker;

	@Autowired
	ContactChangeTracker tracker;

	private long agency;

	private DeskPrincipal bob;

	@BeforeEach
	void syncedInventory() {
		this.bob = this.users.findByUsername("bob").orElseThrow();
		this.agency = DemoInventory.synced(this.jdbc, this.mvc, this.bob);
	}

	@AfterEach
	void healSandbox() {
		this.sandbox.clearFaults();
	}

	@Test
	void preflightReportsEachDomainThenTheBatchSendsTheChanges() {
		List<String> domains = freeDomains(3);
		String target = this.jdbc.sql("select contact_tech from domain where agency_id = :a and name = :d")
			.param("a", this.agency)
			.param("d", domains.get(0))
			.query(String.class)
			.single();
		String newTech = otherNichandle(target);
		// One of them already has the target: it is skipped, with the reason.
		this.jdbc.sql("update domain set contact_tech = :t where agency_id = :a and name = :d")
			.param("t", newTech)
			.param("a", this.agency)
			.param("d", domains.get(2))
			.update();

		MvcTestResult report = this.mvc.post()
			.uri("/nic-changes/bulk")
			.param("names", domains.toArray(String[]::new))
			.param("contactTech", newTech)
			.with(user(this.bob))
			.with(csrf())
			.exchange();
		assertThat(report).hasStatusOk()
			.bodyText()
			.contains("Pre-flight: 2 of 3 domains will change")
			.contains("This is already the nichandle of this role");

		MvcTestResult confirmed = this.mvc.post()
			.uri("/nic-changes/bulk")
			.param("names", domains.toArray(String[]::new))
			.param("contactTech", newTech)
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf())
			.exchange();
		assertThat(confirmed).hasStatus3xxRedirection();
		long batchId = Long.parseLong(confirmed.getResponse().getRedirectedUrl().replace("/batches/", ""));
		awaitBatch(batchId, "DONE");
		assertThat(statuses(batchId)).containsExactlyInAnyOrder("SUBMITTED", "SUBMITTED", "SKIPPED");
		assertThat(this.mvc.get().uri("/batches/{id}", batchId).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("100%")
			.contains("already this nichandle");
		// Each domain was sent once.
		for (String domain : domains.subList(0, 2)) {
			assertThat(tasksAtOvh(domain)).isOne();
		}
	}

	@Test
	void aBatchCanBePausedResumedAndCancelled() {
		List<String> domains = freeDomains(4);
		String newBilling = otherNichandle("none");
		this.sandbox.addLatency("POST /domain/*/changeContact", 400);
		MvcTestResult confirmed = this.mvc.post()
			.uri("/nic-changes/bulk")
			.param("names", domains.toArray(String[]::new))
			.param("contactBilling", newBilling)
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf())
			.exchange();
		long batchId = Long.parseLong(confirmed.getResponse().getRedirectedUrl().replace("/batches/", ""));
		assertThat(this.mvc.post().uri("/batches/{id}/pause", batchId).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		// What is in flight finishes; nothing more is sent while paused.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !statuses(batchId).contains("SUBMITTING"));
		long sentWhilePaused = statuses(batchId).stream().filter("SUBMITTED"::equals).count();
		assertThat(sentWhilePaused).isLessThan(4);
		assertThat(batchStatus(batchId)).isEqualTo("PAUSED");

		assertThat(this.mvc.post().uri("/batches/{id}/resume", batchId).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> statuses(batchId).stream().filter("SUBMITTED"::equals).count() > sentWhilePaused);
		assertThat(this.mvc.post().uri("/batches/{id}/cancel", batchId).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !statuses(batchId).contains("SUBMITTING"));
		assertThat(batchStatus(batchId)).isEqualTo("CANCELLED");
		assertThat(statuses(batchId)).doesNotContain("PLANNED")
			.allMatch(s -> s.equals("SUBMITTED") || s.equals("CANCELLED"));
	}

	@Test
	void aBatchResumesAfterARestartWithoutSendingAnythingTwice() {
		List<String> domains = freeDomains(3);
		String newTech = otherNichandle("none");
		long account = this.jdbc.sql("select ovh_account_id from domain where agency_id = :a limit 1")
			.param("a", this.agency)
			.query(Long.class)
			.single();
		// As a crashed instance left it: a lease that ran out, one change caught
		// mid-call, two still planned.
		long batchId = this.jdbc.sql("""
				insert into nic_change_batch (agency_id, created_by, status, to_tech, total, leased_by, lease_until)
				values (:a, 'bob', 'RUNNING', :t, 3, 'dead-instance', now() - interval '5 minutes') returning id
				""").param("a", this.agency).param("t", newTech).query(Long.class).single();
		for (int i = 0; i < domains.size(); i++) {
			String from = this.jdbc.sql("select contact_tech from domain where agency_id = :a and name = :d")
				.param("a", this.agency)
				.param("d", domains.get(i))
				.query(String.class)
				.single();
			this.jdbc
				.sql("""
						insert into nic_change (agency_id, batch_id, ovh_account_id, domain_name, from_tech, to_tech, status,
						  created_by, created_at, updated_at)
						values (:a, :b, :acc, :d, :from, :to, :s, 'bob', now() - interval '30 minutes',
						  now() - interval '30 minutes')
						""")
				.param("a", this.agency)
				.param("b", batchId)
				.param("acc", account)
				.param("d", domains.get(i))
				.param("from", from)
				.param("to", newTech)
				.param("s", (i == 0) ? "SUBMITTING" : "PLANNED")
				.update();
		}

		this.worker.resumeAfterStart();
		awaitBatch(batchId, "DONE");
		assertThat(statuses(batchId)).containsExactlyInAnyOrder("SUBMITTING", "SUBMITTED", "SUBMITTED");
		assertThat(tasksAtOvh(domains.get(0))).isZero();

		// The change caught mid-call is settled by reading OVHcloud, never by sending it
		// again.
		this.tracker.poll(this.agency);
		this.jdbc.sql("update nic_change set updated_at = now() - interval '1 hour' where batch_id = :b")
			.param("b", batchId)
			.update();
		this.tracker.poll(this.agency);
		assertThat(statuses(batchId)).containsExactlyInAnyOrder("FAILED", "SUBMITTED", "SUBMITTED");
		assertThat(tasksAtOvh(domains.get(0))).isZero();
	}

	@Test
	void anotherAgencysBatchIsNotFound() {
		long batchId = this.jdbc.sql("""
				insert into nic_change_batch (agency_id, created_by, status, total) values (:a, 'bob', 'DONE', 0)
				returning id
				""").param("a", this.agency).query(Long.class).single();
		DeskPrincipal carol = this.users.findByUsername("carol").orElseThrow();
		assertThat(this.mvc.get().uri("/batches/{id}", batchId).with(user(carol))).hasStatus(404);
		assertThat(this.mvc.post().uri("/batches/{id}/cancel", batchId).with(user(carol)).with(csrf())).hasStatus(404);
	}

	private void awaitBatch(long batchId, String status) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> batchStatus(batchId).equals(status));
	}

	private String batchStatus(long batchId) {
		return this.jdbc.sql("select status from nic_change_batch where id = :id")
			.param("id", batchId)
			.query(String.class)
			.single();
	}

	private List<String> statuses(long batchId) {
		return this.jdbc.sql("select status from nic_change where batch_id = :b order by id")
			.param("b", batchId)
			.query(String.class)
			.list();
	}

	/**
	 * Contact-change tasks OVHcloud holds for a domain, read from the sandbox through a
	 * poll.
	 */
	private long tasksAtOvh(String domain) {
		this.tracker.poll(this.agency);
		return this.jdbc.sql("select count(*) from contact_change_task where agency_id = :a and domain_name = :d")
			.param("a", this.agency)
			.param("d", domain)
			.query(Long.class)
			.single();
	}

	/** Domains of this test's own. */
	private List<String> freeDomains(int count) {
		return DemoInventory.reserve(this.jdbc, this.agency, "ae1000-ovh", count);
	}

	private String otherNichandle(String not) {
		return this.jdbc.sql("""
				select contact_tech from domain
				where agency_id = :a and contact_tech <> 'ae1000-ovh' and contact_tech <> :not
				order by contact_tech desc limit 1
				""").param("a", this.agency).param("not", not).query(String.class).single();
	}

}
