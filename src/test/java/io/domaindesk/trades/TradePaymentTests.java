package io.domaindesk.trades;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.domains.Inventory;
import io.domaindesk.sandbox.SandboxAccounts;
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
 * OVHcloud as it really behaves after a trade's checkout, each behaviour switched on per
 * account in the sandbox: an order left unpaid for want of a default payment method, an
 * order OVHcloud cancels or forgets, an owner contact copied on completion, and a task in
 * error waiting for an argument.
 */
@IntegrationTest
class TradePaymentTests {

	static final String ACCOUNT = "ae1000-ovh";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	SandboxAccounts accounts;

	@Autowired
	TradeTracker tracker;

	@Autowired
	TradeRepository trades;

	@Autowired
	Inventory inventory;

	private long agency;

	private DeskPrincipal alice;

	private DeskPrincipal bob;

	@BeforeEach
	void syncedInventory() {
		this.alice = this.users.findByUsername("alice").orElseThrow();
		this.bob = this.users.findByUsername("bob").orElseThrow();
		this.agency = DemoInventory.synced(this.jdbc, this.mvc, this.bob);
	}

	@AfterEach
	void healSandbox() {
		this.sandbox.clearFaults();
		this.accounts.reset(ACCOUNT);
	}

	@Test
	void aPaidTradeWithoutADefaultPaymentMethodAwaitsPaymentThenThePaymentCompletesIt() {
		this.accounts.setPayment(ACCOUNT, SandboxAccounts.Payment.REGISTERED);
		String domain = freeDomain("be", 0);
		Trade trade = submitted(domain, "Payeur", "Belge");
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.alice))).hasStatusOk()
			.bodyText()
			.contains("no default payment method");

		assertThat(approve(trade)).flash().containsEntry("flashError", "trade.ordered.notPaid");
		Trade unpaid = reload(trade);
		assertThat(unpaid.getStatus()).isEqualTo(TradeStatus.AWAITING_PAYMENT);
		assertThat(unpaid.getOrderUrl()).contains("orderId=" + unpaid.getOrderId());
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.bob))).bodyText()
			.contains("Awaiting payment")
			.contains("href=\"" + unpaid.getOrderUrl().replace("&", "&amp;") + "\"")
			.doesNotContain("id=\"pay-form\"");
		// Nothing moves at OVHcloud while the order is unpaid: polling changes nothing.
		assertThat(this.tracker.follow(trade.getId()).getStatus()).isEqualTo(TradeStatus.AWAITING_PAYMENT);
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.alice))).bodyText()
			.contains("id=\"pay-form\"");

		// Staff cannot pay; the admin pays once, and a second click pays nothing.
		assertThat(this.mvc.post().uri("/trades/{id}/pay", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus(403);
		assertThat(pay(trade)).flash().containsEntry("flash", "trade.paid");
		assertThat(pay(trade)).flash().containsEntry("flashError", "trade.refused.state");
		assertThat(steps(trade, "pay")).isEqualTo("PENDING,SUCCESS");

		Trade followed = this.tracker.follow(trade.getId());
		assertThat(followed.getStatus()).isEqualTo(TradeStatus.IN_PROGRESS);
		confirmBoth(followed.getTaskId());
		assertThat(this.tracker.follow(trade.getId()).getStatus()).isEqualTo(TradeStatus.DONE);
		assertThat(this.inventory.find(this.agency, domain).orElseThrow().ownerContactId())
			.isEqualTo(trade.getNewOwnerContactId());
	}

	@Test
	void anOrderOVHcloudCancelsEndsTheTradeWithTheReasonAndOneItForgetsToo() {
		this.accounts.setPayment(ACCOUNT, SandboxAccounts.Payment.NONE);
		String domain = freeDomain("be", 1);
		Trade trade = submitted(domain, "Annule", "Belge");
		assertThat(approve(trade)).flash().containsEntry("flashError", "trade.ordered.notPaid");
		assertThat(pay(trade)).flash().containsEntry("flashError", "trade.pay.noMean");
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.AWAITING_PAYMENT);

		this.accounts.cancelOrder(reload(trade).getOrderId());
		Trade ended = this.tracker.follow(trade.getId());
		assertThat(ended.getStatus()).isEqualTo(TradeStatus.FAILED);
		assertThat(ended.getLastError()).contains("cancelled order " + ended.getOrderId());
		assertThat(this.trades.findByStatusIn(TradeStatus.TRACKED)).extracting(Trade::getId)
			.doesNotContain(trade.getId());
		assertThat(this.jdbc.sql("select pending_operations from domain where agency_id = :a and name = :d")
			.param("a", this.agency)
			.param("d", domain)
			.query(Integer.class)
			.single()).isZero();

		String other = freeDomain("be", 2);
		Trade forgotten = submitted(other, "Oublie", "Belge");
		approve(forgotten).exchange();
		this.accounts.forgetOrder(reload(forgotten).getOrderId());
		Trade gone = this.tracker.follow(forgotten.getId());
		assertThat(gone.getStatus()).isEqualTo(TradeStatus.FAILED);
		assertThat(gone.getLastError()).contains("404");
	}

	@Test
	void anUnansweredCheckoutIsFoundInTheAccountsOrdersAndItsPaymentFollowed() {
		this.accounts.setPayment(ACCOUNT, SandboxAccounts.Payment.REGISTERED);
		String domain = freeDomain("be", 3);
		Trade trade = submitted(domain, "Lent", "Belge");
		this.sandbox.setReadTimeout(Duration.ofSeconds(6));
		this.sandbox.addFault("POST /order/cart/*/checkout", SandboxProperties.FaultKind.READ_TIMEOUT, 100, 0);
		assertThat(approve(trade)).flash().containsEntry("flashError", "trade.checkout.unknown");
		this.sandbox.clearFaults();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.tracker.follow(trade.getId()).getStatus() != TradeStatus.UNKNOWN);
		// The order was found by date and its lines, so its payment can be followed.
		Trade settled = this.tracker.follow(trade.getId());
		assertThat(settled.getOrderId()).isNotNull();
		assertThat(settled.getStatus()).isEqualTo(TradeStatus.AWAITING_PAYMENT);
	}

	@Test
	void anOwnerCopyMadeOnCompletionIsTheExpectedOwnerNotDrift() {
		this.accounts.setCopyOwnerOnTrade(ACCOUNT, true);
		String domain = freeDomain("com", 0);
		Trade trade = submitted(domain, "Copie", "Conforme");
		assertThat(approve(trade)).flash().containsEntry("flash", "trade.ordered");
		Trade followed = this.tracker.follow(trade.getId());
		confirmBoth(followed.getTaskId());
		// A sync that sees the copy before DomainDesk's own poll calls it no drift.
		sync();
		assertThat(drifts(domain)).isZero();
		String copy = this.inventory.find(this.agency, domain).orElseThrow().ownerContactId();
		assertThat(copy).isNotEqualTo(trade.getNewOwnerContactId());

		Trade done = this.tracker.follow(trade.getId());
		assertThat(done.getStatus()).isEqualTo(TradeStatus.DONE);
		assertThat(done.getOwnerContactIdAfter()).isEqualTo(copy);
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.bob))).bodyText()
			.contains("a copy OVHcloud made of contact " + trade.getNewOwnerContactId());
		// The list shows the new owner at once, and the next sync still sees no drift.
		assertThat(this.mvc.get().uri("/domains").param("q", domain).with(user(this.bob))).bodyText()
			.contains("Copie Conforme");
		sync();
		assertThat(drifts(domain)).isZero();
	}

	@Test
	void theOwnerCopyIsRecognisedWhenDomainDeskSeesTheCompletionFirst() {
		this.accounts.setCopyOwnerOnTrade(ACCOUNT, true);
		String domain = freeDomain("com", 1);
		Trade trade = submitted(domain, "Copie", "Premiere");
		approve(trade).exchange();
		confirmBoth(this.tracker.follow(trade.getId()).getTaskId());
		Trade done = this.tracker.follow(trade.getId());
		assertThat(done.getStatus()).isEqualTo(TradeStatus.DONE);
		String copy = done.getOwnerContactIdAfter();
		assertThat(copy).isNotNull().isNotEqualTo(trade.getNewOwnerContactId());
		Inventory.InventoryDomain after = this.inventory.find(this.agency, domain).orElseThrow();
		assertThat(after.ownerContactId()).isEqualTo(copy);
		assertThat(after.ownerName()).isEqualTo("Copie Premiere");
		sync();
		assertThat(drifts(domain)).isZero();
	}

	@Test
	void aTaskInErrorIsCorrectedWithItsRulesThenRelaunched() {
		this.accounts.setTradeTaskError(ACCOUNT, true);
		String domain = freeDomain("com", 2);
		Trade trade = submitted(domain, "Tache", "Erreur");
		approve(trade).exchange();
		Trade followed = this.tracker.follow(trade.getId());
		assertThat(followed.getStatus()).isEqualTo(TradeStatus.IN_PROGRESS);
		assertThat(followed.getTaskStatus()).isEqualTo("error");
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.bob))).bodyText()
			.contains("id=\"task-arguments\"")
			.contains("id=\"argument-reason\"")
			.contains("10 to 255 characters")
			.contains("id=\"argument-newOwner\"");

		// Relaunched as is, it fails again on the same argument.
		task(trade, "relaunch");
		assertThat(this.tracker.follow(trade.getId()).getTaskStatus()).isEqualTo("error");
		assertThat(this.sandbox.mailsForTask(followed.getTaskId())).isEmpty();

		// A value that breaks the argument's rules is refused before OVHcloud sees it.
		assertThat(argument(trade, "reason", "too short")).flash()
			.containsEntry("flashError", "trade.argument.tooShort")
			.containsEntry("argumentValue", "too short");
		assertThat(argument(trade, "newOwner", "123")).flash().containsEntry("flashError", "trade.argument.readOnly");
		assertThat(steps(trade, "task.argument")).isEmpty();

		assertThat(argument(trade, "reason", "The company bought the brand from its founder")).flash()
			.containsEntry("flash", "trade.argument.saved");
		assertThat(steps(trade, "task.argument")).isEqualTo("PENDING,SUCCESS");
		task(trade, "relaunch");
		Trade relaunched = this.tracker.follow(trade.getId());
		assertThat(relaunched.getTaskStatus()).isIn("todo", "doing");
		confirmBoth(relaunched.getTaskId());
		assertThat(this.tracker.follow(trade.getId()).getStatus()).isEqualTo(TradeStatus.DONE);
	}

	private void confirmBoth(long taskId) {
		List<SandboxMail> mails = this.sandbox.mailsForTask(taskId);
		assertThat(mails.stream().filter(m -> m.token() != null)).hasSize(2);
		for (SandboxMail mail : mails.stream().filter(m -> m.token() != null).toList()) {
			this.sandbox.answerTrade(taskId, mail.token(), true);
		}
	}

	private MockMvcTester.MockMvcRequestBuilder approve(Trade trade) {
		return this.mvc.post()
			.uri("/trades/{id}/approve", trade.getId())
			.param("waiveRetractationPeriod", "true")
			.param("autoPayWithPreferredPaymentMethod", "true")
			.with(user(this.alice))
			.with(csrf());
	}

	private MockMvcTester.MockMvcRequestBuilder pay(Trade trade) {
		return this.mvc.post().uri("/trades/{id}/pay", trade.getId()).with(user(this.alice)).with(csrf());
	}

	private void task(Trade trade, String action) {
		assertThat(this.mvc.post()
			.uri("/trades/{id}/task/{action}", trade.getId(), action)
			.with(user(this.bob))
			.with(csrf())).flash().containsEntry("flash", "trade.task." + action);
	}

	private MockMvcTester.MockMvcRequestBuilder argument(Trade trade, String key, String value) {
		return this.mvc.post()
			.uri("/trades/{id}/task/arguments/{key}", trade.getId(), key)
			.param("value", value)
			.with(user(this.bob))
			.with(csrf());
	}

	/** Starts a trade as bob towards a new individual contact and submits it. */
	private Trade submitted(String domain, String firstName, String lastName) {
		Map<String, String> owner = new LinkedHashMap<>();
		owner.put("legalForm", "individual");
		owner.put("firstName", firstName);
		owner.put("lastName", lastName);
		owner.put("email", firstName.toLowerCase() + "." + lastName.toLowerCase() + "@example.net");
		owner.put("phone", "+33.612345678");
		owner.put("language", "fr_FR");
		owner.put("address.line1", "1 rue de la Paix");
		owner.put("address.city", "Paris");
		owner.put("address.zip", "75002");
		owner.put("address.country", "FR");
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.post()
			.uri("/domains/{d}/trade", domain)
			.with(user(this.bob))
			.with(csrf());
		owner.forEach((key, value) -> request.param("fields[" + key + "]", value));
		assertThat(request).hasStatus3xxRedirection().flash().containsEntry("flash", "trade.prepared");
		Trade trade = this.trades.findByAgencyIdAndDomainNameOrderByIdDesc(this.agency, domain).get(0);
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		return reload(trade);
	}

	private Trade reload(Trade trade) {
		return this.trades.findById(trade.getId()).orElseThrow();
	}

	private String steps(Trade trade, String step) {
		return this.jdbc.sql("""
				select coalesce(string_agg(outcome, ',' order by id), '') from trade_event
				where trade_id = :t and step = :step
				""").param("t", trade.getId()).param("step", step).query(String.class).single();
	}

	private long drifts(String domain) {
		return this.jdbc.sql("""
				select count(*) from domain_drift f join domain d on d.id = f.domain_id
				where d.agency_id = :a and d.name = :d and f.field = 'owner'
				""").param("a", this.agency).param("d", domain).query(Long.class).single();
	}

	private void sync() {
		long before = this.jdbc.sql("select coalesce(max(id), 0) from sync_run where agency_id = :a")
			.param("a", this.agency)
			.query(Long.class)
			.single();
		assertThat(this.mvc.post().uri("/sync").with(user(this.bob)).with(csrf())).hasStatus3xxRedirection();
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from sync_run where agency_id = :a and id > :before and status <> 'RUNNING'")
				.param("a", this.agency)
				.param("before", before)
				.query(Long.class)
				.single() > 0);
	}

	/** A domain of this TLD in state ok, untouched by other tests, from the start. */
	private String freeDomain(String tld, int n) {
		return this.jdbc
			.sql("""
					select d.name from domain d
					where d.agency_id = :a and d.state = 'ok' and d.gone_at is null and d.tld = :tld
					  and d.pending_operations = 0 and d.name not like 'fixture-%' and d.name not like 'xn--%'
					  and not exists (select 1 from nic_change c where c.domain_name = d.name)
					  and not exists (select 1 from contact_change_task t where t.domain_name = d.name)
					  and not exists (select 1 from trade t where t.domain_name = d.name)
					  and not exists (select 1 from audit_event e where e.target_domain = d.name and e.action like 'owner.%')
					order by md5(d.name) offset :n limit 1
					""")
			.param("a", this.agency)
			.param("tld", tld)
			.param("n", n)
			.query(String.class)
			.single();
	}

}
