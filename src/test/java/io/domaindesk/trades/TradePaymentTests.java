package io.domaindesk.trades;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.domains.Inventory;
import io.domaindesk.sandbox.SandboxAccounts;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.sandbox.SandboxProperties;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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

	static final String ACCOUNT = TradeFixture.ACCOUNT;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

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

	private TradeFixture fixture;

	private long agency;

	private DeskPrincipal alice;

	private DeskPrincipal bob;

	@BeforeEach
	void syncedInventory() {
		this.fixture = new TradeFixture(this.context);
		// What these flows prove does not depend on the client's pace: without it, most
		// calls waited 0.1 s for a permit (TradeFixture.unpaced()).
		this.fixture.unpaced();
		this.alice = this.fixture.alice();
		this.bob = this.fixture.bob();
		this.agency = this.fixture.agency();
	}

	@AfterEach
	void healSandbox() {
		this.fixture.heal();
	}

	@Test
	void aPaidTradeWithoutADefaultPaymentMethodAwaitsPaymentThenThePaymentCompletesIt() {
		this.accounts.setPayment(ACCOUNT, SandboxAccounts.Payment.REGISTERED);
		String domain = freeDomain("be");
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

	/**
	 * An endpoint whose schema lacks {@code /me/payment/method} (and answers 404 on it):
	 * the approval card names the method from the older {@code /me/paymentMean/*} routes,
	 * and the payment finds the registered card there too.
	 */
	@Test
	void anEndpointWithoutThePaymentMethodRouteIsReadThroughTheOlderPaymentMeanRoutes() {
		this.fixture.paymentMeanRoutesOnly(true);
		String domain = freeDomain("be");
		Trade trade = submitted(domain, "Ancien", "Moyen");
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.alice))).bodyText()
			.contains("default payment method: creditCard 4970 10** ****")
			.doesNotContain("could not be read");

		// The card is registered but not the default: the order waits, then is paid with
		// it.
		this.accounts.setPayment(ACCOUNT, SandboxAccounts.Payment.REGISTERED);
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.alice))).bodyText()
			.contains("no default payment method");
		assertThat(approve(trade)).flash().containsEntry("flashError", "trade.ordered.notPaid");
		assertThat(pay(trade)).flash().containsEntry("flash", "trade.paid");
		assertThat(steps(trade, "pay")).isEqualTo("PENDING,SUCCESS");
		assertThat(this.jdbc.sql("select detail from trade_event where trade_id = :t and step = 'pay' order by id")
			.param("t", trade.getId())
			.query(String.class)
			.list()).first().asString().contains("creditCard (4970 10** ****");
	}

	@Test
	void anOrderOVHcloudCancelsEndsTheTradeWithTheReasonAndOneItForgetsToo() {
		this.accounts.setPayment(ACCOUNT, SandboxAccounts.Payment.NONE);
		String domain = freeDomain("be");
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

		String other = freeDomain("be");
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
		String domain = freeDomain("be");
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
		String domain = freeDomain("com");
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
		String domain = freeDomain("com");
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
		String domain = freeDomain("com");
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
		this.fixture.confirmBoth(taskId);
	}

	private MockMvcTester.MockMvcRequestBuilder approve(Trade trade) {
		return this.fixture.approve(trade);
	}

	private MockMvcTester.MockMvcRequestBuilder pay(Trade trade) {
		return this.fixture.pay(trade);
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

	private Trade submitted(String domain, String firstName, String lastName) {
		return this.fixture.submitted(domain, firstName, lastName);
	}

	private Trade reload(Trade trade) {
		return this.fixture.reload(trade);
	}

	private String steps(Trade trade, String step) {
		return this.fixture.steps(trade, step);
	}

	private long drifts(String domain) {
		return this.fixture.drifts(domain);
	}

	private void sync() {
		this.fixture.sync();
	}

	/** A domain of this TLD of the test's own. */
	private String freeDomain(String tld) {
		return this.fixture.domain(tld);
	}

}
