package io.domaindesk.contacts;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.sandbox.ContactChangeControl;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.sandbox.SandboxMail;
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
 * How the contact-change client copes with what OVHcloud really answers, against the
 * sandbox over signed HTTP: an empty {@code changeContact} answer, HTTP 460 for a lapsed
 * service, a write refused for the clock (sent exactly once more), and personal tokens.
 */
@IntegrationTest
class ContactChangeClientTests {

	private static final String EXEMPLE = "ae1000-ovh";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	ContactChangeControl tasks;

	@Autowired
	ContactChangeTracker tracker;

	@Autowired
	NicChangeRepository changes;

	@Autowired
	MeterRegistry registry;

	private long agency;

	private DeskPrincipal bob;

	private double inTransaction;

	@BeforeEach
	void syncedInventory() {
		this.bob = this.users.findByUsername("bob").orElseThrow();
		this.agency = DemoInventory.synced(this.jdbc, this.mvc, this.bob);
		this.inTransaction = contactCallsInTransaction();
	}

	@AfterEach
	void healSandbox() {
		// Rules of the road: no OVHcloud call of these flows inside a database
		// transaction.
		assertThat(contactCallsInTransaction()).isEqualTo(this.inTransaction);
		this.tasks.setLenientTokens(EXEMPLE, null);
		this.sandbox.setClockSkew(EXEMPLE, null, true);
		// After a skew the client learns the clock again on its next read: do it now, so
		// that no other test sees a write sent twice.
		this.tracker.poll(this.agency);
	}

	@Test
	void anEmptyAnswerIsNothingToChangeAndNothingIsTracked() {
		String domain = freeDomain(0);
		String newTech = otherNichandle(domain);
		// Someone already made the change at OVHcloud; the inventory does not know yet.
		this.tasks.setContact(domain, "contactTech", newTech);

		MvcTestResult sent = confirm(domain, "contactTech", newTech);
		assertThat(sent).hasStatus3xxRedirection().hasRedirectedUrl("/domains/" + domain);
		assertThat(sent.getMvcResult().getFlashMap().get("flash")).isEqualTo("nic.nothingToChange");
		NicChange change = changesOf(domain).get(0);
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.SKIPPED);
		assertThat(change.getReason()).isEqualTo(NicChange.NOTHING_TO_CHANGE);
		assertThat(change.taskIdList()).isEmpty();
		assertThat(tasksAt(domain)).isZero();
		assertThat(this.jdbc.sql("""
				select string_agg(outcome || ':' || coalesce(details ->> 'result', '-'), ',' order by id)
				from audit_event where action = 'nic.change' and target_domain = :d
				""").param("d", domain).query(String.class).single()).isEqualTo("PENDING:-,SUCCESS:nothingToChange");
		assertThat(this.mvc.get().uri("/nic-changes?state=all&q={d}", domain).with(user(this.bob))).bodyText()
			.doesNotContain("task-");
	}

	@Test
	void anEmptyAnswerInABatchIsShownNextToItsDomain() {
		List<String> domains = List.of(freeDomain(1), freeDomain(2));
		String newBilling = otherNichandle(domains.get(0), domains.get(1));
		this.tasks.setContact(domains.get(1), "contactBilling", newBilling);
		MvcTestResult confirmed = this.mvc.post()
			.uri("/nic-changes/bulk")
			.param("names", domains.toArray(String[]::new))
			.param("contactBilling", newBilling)
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf())
			.exchange();
		assertThat(confirmed).hasStatus3xxRedirection();
		long batchId = Long.parseLong(confirmed.getResponse().getRedirectedUrl().replace("/batches/", ""));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> changesOf(domains.get(0)).get(0).getStatus() != NicChangeStatus.PLANNED
					&& changesOf(domains.get(1)).get(0).getStatus() == NicChangeStatus.SKIPPED);
		assertThat(changesOf(domains.get(0)).get(0).getStatus()).isEqualTo(NicChangeStatus.SUBMITTED);
		assertThat(tasksAt(domains.get(1))).isZero();
		assertThat(this.mvc.get().uri("/batches/{id}", batchId).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("nothing to change: OVHcloud started no procedure");
	}

	@Test
	void aLapsedServiceIsItsOwnErrorInWords() {
		String domain = freeDomain(3);
		String newTech = otherNichandle(domain);
		String before = this.tasks.setDomainState(domain, "expired");
		try {
			assertThat(confirm(domain, "contactTech", newTech)).hasStatusOk()
				.bodyText()
				.contains("the service has expired at OVHcloud")
				.contains("HTTP 460");
		}
		finally {
			this.tasks.setDomainState(domain, before);
		}
		NicChange change = changesOf(domain).get(0);
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.FAILED);
		assertThat(change.getReason()).startsWith(OvhException.Expired.IN_WORDS);
		assertThat(tasksAt(domain)).isZero();
	}

	@Test
	void aWriteRefusedForTheClockIsSentExactlyOnceMoreAndTheAuditSaysSo() {
		String domain = freeDomain(4);
		String newTech = otherNichandle(domain);
		this.sandbox.setClockSkew(EXEMPLE, Duration.ofHours(1), true);
		long before = this.sandbox.calls("POST", "/domain/" + domain + "/changeContact");

		assertThat(confirm(domain, "contactTech", newTech)).hasStatus3xxRedirection();

		assertThat(this.sandbox.calls("POST", "/domain/" + domain + "/changeContact") - before).isEqualTo(2);
		NicChange change = changesOf(domain).get(0);
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.SUBMITTED);
		assertThat(change.taskIdList()).hasSize(1);
		assertThat(tasksAt(domain)).isOne();
		assertThat(resentAfter(domain, "SUCCESS")).isEqualTo("QUERY_TIME_OUT");
	}

	@Test
	void aWriteRefusedTwiceForTheClockIsNotSentAThirdTime() {
		String domain = freeDomain(5);
		String newTech = otherNichandle(domain);
		// OVHcloud's time endpoint and its signature check disagree: re-syncing does not
		// help.
		this.sandbox.setClockSkew(EXEMPLE, Duration.ofHours(1), false);
		long before = this.sandbox.calls("POST", "/domain/" + domain + "/changeContact");

		assertThat(confirm(domain, "contactTech", newTech)).hasStatusOk().bodyText().contains("Query out of time");

		assertThat(this.sandbox.calls("POST", "/domain/" + domain + "/changeContact") - before).isEqualTo(2);
		NicChange change = changesOf(domain).get(0);
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.FAILED);
		assertThat(tasksAt(domain)).isZero();
		assertThat(resentAfter(domain, "FAILURE")).isEqualTo("QUERY_TIME_OUT");
	}

	@Test
	void aTokenMailedToTheOtherPartyIsRefusedFromOurAccountUnlessTheSandboxIsLenient() {
		String domain = freeDomain(6);
		String newAdmin = otherNichandle(domain);
		assertThat(confirm(domain, "contactAdmin", newAdmin)).hasStatus3xxRedirection();
		NicChange change = changesOf(domain).get(0);
		long taskId = change.taskIdList().get(0);
		long account = change.getOvhAccountId();
		this.tracker.poll(this.agency);
		List<SandboxMail> mails = this.sandbox.mailsForTask(taskId).stream().filter((m) -> m.token() != null).toList();
		// The agency hands the domain over: it is the "from" party, the new admin the
		// "to".
		String ours = mails.stream().filter((m) -> "from".equals(m.party())).findFirst().orElseThrow().token();
		String theirs = mails.stream().filter((m) -> "to".equals(m.party())).findFirst().orElseThrow().token();

		// At OVHcloud a token is personal: the new admin's token does not work from the
		// agency's account.
		this.tasks.setLenientTokens(EXEMPLE, false);
		MvcTestResult refused = accept(account, taskId, theirs);
		assertThat(refused).hasStatus3xxRedirection();
		assertThat(refused.getMvcResult().getFlashMap().get("flashError")).isEqualTo("ovh.error");
		assertThat(lastAnswer(domain)).isEqualTo("FAILURE");
		assertThat(accept(account, taskId, ours).getMvcResult().getFlashMap().get("flash"))
			.isEqualTo("nic.answered.accept");
		assertThat(lastAnswer(domain)).isEqualTo("SUCCESS");

		// The demo's lenient mode (domaindesk.sandbox.contact-change-tokens.lenient=true,
		// the configured default here) takes the other party's token too.
		this.tasks.setLenientTokens(EXEMPLE, null);
		assertThat(accept(account, taskId, theirs).getMvcResult().getFlashMap().get("flash"))
			.isEqualTo("nic.answered.accept");
		this.sandbox.advanceClock(Duration.ofMinutes(10));
		this.tracker.poll(this.agency);
		assertThat(this.jdbc.sql("select state from contact_change_task where ovh_account_id = :a and task_id = :t")
			.param("a", account)
			.param("t", taskId)
			.query(String.class)
			.single()).isEqualTo("done");
	}

	@Test
	void aNewContactsPhoneTypedInNationalFormGetsTheRulesPrefix() {
		String domain = freeDomain(7);
		// The French rules give the phone the prefix +33 (creationRules), as OVHcloud's
		// Control Panel shows it: the number is typed the French way.
		MvcTestResult created = this.mvc.post()
			.uri("/domains/{d}/nic-change/new-account", domain)
			.param("country", "FR")
			.param("legalform", "individual")
			.param("role", "contactTech")
			.param("firstname", "Inès")
			.param("name", "Prefixe")
			.param("email", "ines.prefixe@example.org")
			.param("phone", "06 12 34 56 78")
			.param("address", "2 rue de la Paix")
			.param("zip", "75002")
			.param("city", "Paris")
			.param("language", "fr_FR")
			.with(user(this.bob))
			.with(csrf())
			.exchange();
		assertThat(created).hasStatus3xxRedirection();
		assertThat(this.mvc.get()
			.uri("/domains/{d}/nic-change/new-account?country=FR&legalform=individual", domain)
			.with(user(this.bob))).bodyText().contains("OVHcloud puts +33 before the number");
	}

	private double contactCallsInTransaction() {
		return this.registry.find(OvhClients.CALLS_IN_TRANSACTION)
			.counters()
			.stream()
			.filter((counter) -> List.of("/domain/{serviceName}/changeContact", "/me/task/contactChange", "/newAccount")
				.stream()
				.anyMatch(String.valueOf(counter.getId().getTag("path"))::startsWith))
			.mapToDouble(Counter::count)
			.sum();
	}

	private MvcTestResult confirm(String domain, String role, String nichandle) {
		return this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param(role, nichandle)
			.param("step", "confirm")
			.with(user(this.bob))
			.with(csrf())
			.exchange();
	}

	private MvcTestResult accept(long account, long taskId, String token) {
		return this.mvc.post()
			.uri("/nic-changes/{a}/{t}/accept", account, taskId)
			.param("token", token)
			.with(user(this.bob))
			.with(csrf())
			.exchange();
	}

	private String resentAfter(String domain, String outcome) {
		return this.jdbc.sql("""
				select details ->> 'resentAfter' from audit_event
				where action = 'nic.change' and target_domain = :d and outcome = :o
				""").param("d", domain).param("o", outcome).query(String.class).single();
	}

	private String lastAnswer(String domain) {
		return this.jdbc.sql("""
				select outcome from audit_event where action = 'nic.task.accept' and target_domain = :d
				order by id desc limit 1
				""").param("d", domain).query(String.class).single();
	}

	private long tasksAt(String domain) {
		return this.jdbc.sql("select count(*) from contact_change_task where agency_id = :a and domain_name = :d")
			.param("a", this.agency)
			.param("d", domain)
			.query(Long.class)
			.single();
	}

	/** A domain of this test alone (the n is only there to read the tests). */
	private String freeDomain(int n) {
		return DemoInventory.reserve(this.jdbc, this.agency, EXEMPLE, 1).get(0);
	}

	/** A nichandle that is none of these domains' contacts. */
	private String otherNichandle(String... domains) {
		return this.jdbc.sql("""
				select contact_tech from domain
				where agency_id = :a and contact_tech <> 'ae1000-ovh' and contact_tech not in (
				  select unnest(array[contact_admin, contact_tech, contact_billing]) from domain
				  where agency_id = :a and name in (:d))
				order by contact_tech limit 1
				""").param("a", this.agency).param("d", List.of(domains)).query(String.class).single();
	}

	private List<NicChange> changesOf(String domain) {
		return this.changes.findAll().stream().filter(c -> c.getDomainName().equals(domain)).toList();
	}

}
