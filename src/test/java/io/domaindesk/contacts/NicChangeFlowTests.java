package io.domaindesk.contacts;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.domains.Inventory;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.sandbox.SandboxMail;
import io.domaindesk.sandbox.SandboxProperties;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Nichandle changes end to end against the sandbox: pre-check, send, the e-mailed tokens,
 * completion, and the failure modes (refused, timed out).
 */
@IntegrationTest
class NicChangeFlowTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	ContactChangeTracker tracker;

	@Autowired
	Inventory inventory;

	@Autowired
	NicChangeRepository changes;

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
	void singleChangeIsPreviewedSentAcceptedWithTheEmailedTokensAndShownInTheInventory() {
		String domain = freeDomain();
		String newTech = otherNichandle(domain);
		String oldTech = current(domain, "contact_tech");

		// Preview: what will happen, nothing sent.
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactTech", newTech.toUpperCase())
			.with(user(this.bob))
			.with(csrf())).hasStatusOk()
			.bodyText()
			.contains("What will happen")
			.contains(oldTech + " → " + newTech)
			.contains("within 7 days");
		assertThat(changesOf(domain)).isEmpty();

		// Confirm: one change, sent once, with OVHcloud's task ids, audited as intent
		// then outcome.
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactTech", newTech)
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf())).hasStatus3xxRedirection();
		NicChange change = changesOf(domain).get(0);
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.SUBMITTED);
		assertThat(change.taskIdList()).hasSize(1);
		assertThat(this.jdbc.sql("""
				select string_agg(outcome, ',' order by id) from audit_event
				where action = 'nic.change' and target_domain = :d
				""").param("d", domain).query(String.class).single()).isEqualTo("PENDING,SUCCESS");

		// Both parties answer with the tokens OVHcloud e-mailed them (the sandbox
		// mailbox).
		long taskId = change.taskIdList().get(0);
		this.tracker.poll(this.agency);
		List<SandboxMail> mails = this.sandbox.mailsForTask(taskId);
		assertThat(mails).extracting(SandboxMail::token).doesNotContainNull().hasSizeGreaterThanOrEqualTo(2);
		long account = change.getOvhAccountId();
		for (SandboxMail mail : mails.stream().filter(m -> m.token() != null).toList()) {
			assertThat(this.mvc.post()
				.uri("/nic-changes/{a}/{t}/accept", account, taskId)
				.param("token", mail.token())
				.with(user(this.bob))
				.with(csrf())).hasStatus3xxRedirection();
		}
		this.sandbox.advanceClock(Duration.ofMinutes(10));
		this.tracker.poll(this.agency);

		assertThat(state(account, taskId)).isEqualTo("done");
		assertThat(current(domain, "contact_tech")).isEqualTo(newTech);
		assertThat(this.mvc.get().uri("/domains/{d}", domain).with(user(this.bob))).bodyText().contains(newTech);
	}

	@Test
	void refusalsAreExplainedNextToTheFieldAndNothingIsSent() {
		String domain = freeDomain();
		String admin = current(domain, "contact_admin");
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactAdmin", admin)
			.param("contactBilling", "not a nic")
			.with(user(this.bob))
			.with(csrf())).hasStatusOk().bodyText().contains("is not a nichandle").contains("value=\"not a nic\"");
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactAdmin", admin)
			.with(user(this.bob))
			.with(csrf())).hasStatusOk().bodyText().contains("This is already the nichandle of this role");
		assertThat(this.mvc.post().uri("/domains/{d}/nic-change", domain).with(user(this.bob)).with(csrf()))
			.hasStatusOk()
			.bodyText()
			.contains("Fill in at least one new nichandle.");
		assertThat(changesOf(domain)).isEmpty();
	}

	@Test
	void ovhcloudRefusalIsShownInWordsWithItsQueryIdAndTheFormKeepsTheValues() {
		String domain = freeDomain();
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactBilling", "zz99999-ovh")
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf())).hasStatusOk().bodyText().contains("does not exist").contains("zz99999-ovh");
		NicChange change = changesOf(domain).get(0);
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.FAILED);
		assertThat(change.getOvhQueryId()).isNotBlank();
	}

	@Test
	void aTimedOutCallIsNeverSentTwiceAndIsSettledByReadingOvhcloud() {
		String domain = freeDomain();
		String newAdmin = otherNichandle(domain);
		this.sandbox.setReadTimeout(Duration.ofSeconds(6));
		this.sandbox.addFault("POST /domain/*/changeContact", SandboxProperties.FaultKind.READ_TIMEOUT, 100, 0);
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactAdmin", newAdmin)
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf())).hasStatus3xxRedirection();
		NicChange change = changesOf(domain).get(0);
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.UNKNOWN);
		this.sandbox.clearFaults();

		// A second attempt on the same role is refused while the first one's outcome is
		// unknown.
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactAdmin", newAdmin)
			.with(user(this.bob))
			.with(csrf())).bodyText().contains("already waiting for answers");

		this.tracker.poll(this.agency);
		NicChange settled = this.changes.findById(change.getId()).orElseThrow();
		List<Long> atOvh = this.jdbc.sql("""
				select task_id from contact_change_task where agency_id = :a and domain_name = :d
				""").param("a", this.agency).param("d", domain).query(Long.class).list();
		if (settled.getStatus() == NicChangeStatus.SUBMITTED) {
			// The sandbox created the task before timing out: found, linked, and exactly
			// one.
			assertThat(settled.taskIdList()).containsExactlyInAnyOrderElementsOf(atOvh).hasSize(1);
		}
		else {
			assertThat(settled.getStatus()).isEqualTo(NicChangeStatus.UNKNOWN);
			assertThat(atOvh).isEmpty();
		}
		assertThat(this.changes.findAll().stream().filter(c -> c.getDomainName().equals(domain)).count()).isOne();
	}

	@Test
	void aNewContactsNichandleIsCreatedFromTheRulesAndUsedForTheChange() {
		String domain = freeDomain();
		assertThat(this.mvc.get()
			.uri("/domains/{d}/nic-change/new-account?country=FR&legalform=individual", domain)
			.with(user(this.bob))).hasStatusOk().bodyText().contains("name=\"firstname\"").contains("name=\"email\"");
		// A missing mandatory field is reported next to it, and what was typed stays.
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change/new-account", domain)
			.param("country", "FR")
			.param("legalform", "individual")
			.param("firstname", "Zoé")
			.param("role", "contactTech")
			.with(user(this.bob))
			.with(csrf())).hasStatusOk().bodyText().contains("Required.").contains("value=\"Zoé\"");
		var created = this.mvc.post()
			.uri("/domains/{d}/nic-change/new-account", domain)
			.param("country", "FR")
			.param("legalform", "individual")
			.param("role", "contactTech")
			.param("firstname", "Zoé")
			.param("name", "L'Hôte")
			.param("email", "zoe.lhote@example.org")
			.param("phone", "+33.612345678")
			.param("address", "1 rue de la Paix")
			.param("zip", "75002")
			.param("city", "Paris")
			.param("language", "fr_FR")
			.with(user(this.bob))
			.with(csrf())
			.exchange();
		assertThat(created).hasStatus3xxRedirection();
		String location = created.getResponse().getRedirectedUrl();
		String nichandle = location.replaceAll(".*contactTech=([^&]+).*", "$1");
		assertThat(nichandle).matches("[a-z]{2,}[0-9]+-ovh");
		assertThat(this.mvc.get().uri(location).with(user(this.bob))).bodyText()
			.contains("value=\"" + nichandle + "\"")
			.contains("created");
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactTech", nichandle)
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(changesOf(domain).get(0).getStatus()).isEqualTo(NicChangeStatus.SUBMITTED);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'nichandle.create' and details ->> 'nichandle' = :n")
			.param("n", nichandle)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anotherAgencyCannotTouchThem() {
		String domain = freeDomain();
		DeskPrincipal carol = this.users.findByUsername("carol").orElseThrow();
		assertThat(this.mvc.get().uri("/domains/{d}/nic-change", domain).with(user(carol))).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactTech", "ab12345-ovh")
			.param("step", "confirm")
			.with(user(carol))
			.with(csrf())).hasStatus(404);
		assertThat(changesOf(domain)).isEmpty();
		DeskPrincipal dora = this.users.findByUsername("dora").orElseThrow();
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactTech", "ab12345-ovh")
			.with(user(dora))
			.with(csrf())).hasStatus(403);
	}

	/** A domain of this test's own. */
	private String freeDomain() {
		return DemoInventory.reserve(this.jdbc, this.agency, "ae1000-ovh", 1).get(0);
	}

	private String otherNichandle(String domain) {
		return this.jdbc.sql("""
				select contact_tech from domain
				where agency_id = :a and contact_tech <> 'ae1000-ovh' and contact_tech <> (
				  select contact_tech from domain where agency_id = :a and name = :d)
				  and contact_tech <> (select contact_admin from domain where agency_id = :a and name = :d)
				order by contact_tech limit 1
				""").param("a", this.agency).param("d", domain).query(String.class).single();
	}

	private String current(String domain, String column) {
		return this.jdbc.sql("select " + column + " from domain where agency_id = :a and name = :d")
			.param("a", this.agency)
			.param("d", domain)
			.query(String.class)
			.single();
	}

	private String state(long account, long taskId) {
		return this.jdbc.sql("select state from contact_change_task where ovh_account_id = :a and task_id = :t")
			.param("a", account)
			.param("t", taskId)
			.query(String.class)
			.single();
	}

	private List<NicChange> changesOf(String domain) {
		return this.changes.findAll().stream().filter(c -> c.getDomainName().equals(domain)).toList();
	}

}
