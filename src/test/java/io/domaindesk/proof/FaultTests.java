package io.domaindesk.proof;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.sandbox.SandboxProperties.FaultKind;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A bulk nichandle change while OVHcloud fails 30% of all calls: no domain gets two
 * changeContact requests, and once the batch is over and the tracker has polled, every
 * change is settled (sent, failed, skipped, or unknown with nothing at OVHcloud), the
 * local view matches OVHcloud's, and failures are explained in words.
 */
@IntegrationTest
@Tag("faults")
class FaultTests {

	private static final int DOMAINS = 6;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

	private long agency;

	private DeskPrincipal bob;

	@BeforeEach
	void inventory() {
		this.bob = this.users.findByUsername("bob").orElseThrow();
		this.agency = DemoInventory.synced(this.jdbc, this.mvc, this.bob);
	}

	@AfterEach
	void heal() {
		this.sandbox.clearFaults();
	}

	@ParameterizedTest
	@EnumSource(value = FaultKind.class, names = { "TOO_MANY_REQUESTS", "SERVER_ERROR_HTML", "SERVICE_UNAVAILABLE" })
	void aBulkChangeUnderFaultsSendsEachChangeAtMostOnceAndLosesNone(FaultKind kind) throws Exception {
		List<String> domains = freeDomains(DOMAINS);
		assertThat(domains).hasSize(DOMAINS);
		String newTech = otherTech(domains);
		Map<String, Long> tasksBefore = new LinkedHashMap<>();
		domains.forEach(d -> tasksBefore.put(d, tasksAtOvh(d)));

		this.sandbox.addFault("/**", kind, 30, 0);
		var request = this.mvc.post()
			.uri("/nic-changes/bulk")
			.param("contactTech", newTech)
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf());
		domains.forEach(d -> request.param("names", d));
		var result = request.exchange();
		assertThat(result).hasStatus3xxRedirection();
		long batch = Long.parseLong(result.getResponse().getRedirectedUrl().replaceFirst(".*/batches/", ""));

		Awaitility.await()
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !"RUNNING".equals(this.jdbc.sql("select status from nic_change_batch where id = :b")
				.param("b", batch)
				.query(String.class)
				.single()));
		// Reconciliation reads OVHcloud; it may fail too while the faults last, so heal
		// first.
		this.sandbox.clearFaults();
		assertThat(this.mvc.post().uri("/nic-changes/refresh").with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();

		List<Map<String, Object>> changes = this.jdbc
			.sql("select domain_name, status, reason, task_ids from nic_change where batch_id = :b order by id")
			.param("b", batch)
			.query()
			.listOfRows();
		assertThat(changes).hasSize(DOMAINS);
		StringBuilder report = new StringBuilder("Bulk change under 30% " + kind + ", batch " + batch + ":\n");
		for (Map<String, Object> change : changes) {
			String domain = (String) change.get("domain_name");
			String status = (String) change.get("status");
			String reason = (String) change.get("reason");
			long sentToOvh = tasksAtOvh(domain) - tasksBefore.get(domain);
			report.append(String.format("  %-40s %-10s tasks at OVHcloud +%d  %s%n", domain, status, sentToOvh,
					(reason != null) ? reason : ""));
			assertThat(sentToOvh).as("changeContact requests that reached OVHcloud for %s", domain)
				.isLessThanOrEqualTo(1);
			assertThat(status).as("%s after the batch and a poll", domain).isNotIn("PLANNED", "SUBMITTING");
			switch (status) {
				case "SUBMITTED" -> {
					assertThat(sentToOvh).as("%s is sent", domain).isOne();
					assertThat((String) change.get("task_ids")).isNotBlank();
				}
				case "FAILED" -> {
					assertThat(sentToOvh).as("%s failed but OVHcloud has its task: lost", domain).isZero();
					// In words: aFailureIsExplainedInWordsNotWithTheServersHtml.
					assertThat(reason).as("the reason").isNotBlank().doesNotContain("Exception");
				}
				case "UNKNOWN" ->
					assertThat(sentToOvh).as("%s unknown although OVHcloud has its task", domain).isZero();
				default -> assertThat(status).isIn("SKIPPED", "CANCELLED");
			}
		}
		System.out.println(report);
		String page = this.mvc.get()
			.uri("/batches/{id}", batch)
			.with(user(this.bob))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("Exception").doesNotContain("<html><body>");
	}

	@Test
	void aFailureIsExplainedInWordsNotWithTheServersHtml() {
		List<String> domains = freeDomains(1);
		this.sandbox.addFault("POST /domain/*/changeContact", FaultKind.SERVER_ERROR_HTML, 100, 0);
		var request = this.mvc.post()
			.uri("/nic-changes/bulk")
			.param("contactTech", otherTech(domains))
			.param("step", "confirm")
			.param("names", domains.get(0))
			.with(user(this.bob))
			.with(csrf());
		var result = request.exchange();
		long batch = Long.parseLong(result.getResponse().getRedirectedUrl().replaceFirst(".*/batches/", ""));
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> !"RUNNING".equals(this.jdbc.sql("select status from nic_change_batch where id = :b")
				.param("b", batch)
				.query(String.class)
				.single()));
		String reason = this.jdbc.sql("select reason from nic_change where batch_id = :b")
			.param("b", batch)
			.query(String.class)
			.single();
		assertThat(reason).isNotBlank().doesNotContain("<html", "<body", "<title>");
	}

	/** Contact-change tasks OVHcloud (the sandbox) holds for a domain. */
	private long tasksAtOvh(String domain) {
		return this.jdbc.sql("select count(*) from ovh_sandbox.object where kind = 'contactChange' and ref = :d")
			.param("d", domain)
			.query(Long.class)
			.single();
	}

	/** Domains of this test's own. */
	private List<String> freeDomains(int count) {
		return DemoInventory.reserve(this.jdbc, this.agency, "ae1000-ovh", count);
	}

	private String otherTech(List<String> domains) {
		return this.jdbc.sql("""
				select contact_tech from domain
				where agency_id = :a and contact_tech <> 'ae1000-ovh' and contact_tech not in (
				  select contact_tech from domain where agency_id = :a and name in (:d)
				  union select contact_admin from domain where agency_id = :a and name in (:d))
				group by contact_tech order by contact_tech limit 1
				""").param("a", this.agency).param("d", domains).query(String.class).single();
	}

}
