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
import io.domaindesk.ovh.DomainTask;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.sandbox.SandboxMail;
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
 * The owner contact and owner trades end to end against the sandbox over real HTTP:
 * rules-driven edit, the order flow with four-eyes approval, exactly one checkout, the
 * owners' confirmations from the mailbox, and the failure modes.
 */
@IntegrationTest
class TradeFlowTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

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
	void aWritableOwnerFieldIsCheckedAndSaved() {
		String domain = freeDomain();
		Map<String, String> values = currentOwner(domain);
		values.put("phone", "+33.123456789");
		values.put("address.city", "Lyon");
		assertThat(post("/domains/{d}/owner", domain, values).with(user(this.bob))).hasStatus3xxRedirection()
			.hasRedirectedUrl("/domains/" + domain + "/owner");
		Map<String, String> after = currentOwner(domain);
		assertThat(after).containsEntry("phone", "+33.123456789").containsEntry("address.city", "Lyon");
		assertThat(this.mvc.get().uri("/domains/{d}/owner", domain).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("Lyon")
			.contains("Locked by OVHcloud");
		assertThat(outcomes("owner.update", domain)).isEqualTo("PENDING,SUCCESS");
	}

	@Test
	void aLockedFieldChangeIsRefusedNextToItKeepsTheValuesAndOffersATrade() {
		String domain = freeDomain();
		Map<String, String> values = currentOwner(domain);
		String before = values.get("email");
		values.put("email", "someone.else@example.net");
		values.put("address.city", "Saint-Locked-City");
		assertThat(post("/domains/{d}/owner", domain, values).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("read-only")
			.contains("value=\"someone.else@example.net\"")
			.contains("value=\"Saint-Locked-City\"")
			.contains("trade-offer")
			.contains("Start a trade with these values");
		assertThat(currentOwner(domain)).containsEntry("email", before)
			.doesNotContainEntry("address.city", "Saint-Locked-City");
		assertThat(outcomes("owner.update", domain)).isEmpty();

		// The offered trade starts with what was typed.
		assertThat(post("/domains/{d}/trade/prefill", domain, values).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("value=\"someone.else@example.net\"")
			.contains("Price and eligibility");
	}

	@Test
	void theWholeTradeFromPriceToBothOwnersConfirmingWithFourEyesAndOneCheckout() {
		String domain = freeDomain();
		assertThat(this.mvc.get().uri("/domains/{d}/trade", domain).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("Price and eligibility")
			.contains("com-trade")
			.contains("0.00");

		Trade trade = start(domain, "Nouvelle", "Proprio");
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.READY);
		assertThat(trade.getCartId()).isNotBlank();
		String newOwner = trade.getNewOwnerContactId();
		assertThat(newOwner).isNotEqualTo(trade.getOldOwnerContactId());
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("Order form (dry run, nothing bought)")
			.contains("Conditions particuli")
			.contains("Nouvelle Proprio");

		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.AWAITING_APPROVAL);

		// Staff cannot approve, not even with both boxes.
		assertThat(approve(trade, this.bob, true, true)).hasStatus(403);
		// An admin must tick both boxes.
		assertThat(approve(trade, this.alice, true, false)).hasStatus3xxRedirection()
			.flash()
			.containsEntry("flashError", "trade.refused.boxes");
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.AWAITING_APPROVAL);

		assertThat(approve(trade, this.alice, true, true)).hasStatus3xxRedirection()
			.flash()
			.containsEntry("flash", "trade.ordered");
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.ORDERED);
		assertThat(reload(trade).getApprovedBy()).isEqualTo("alice");
		// A second approval (a refresh, a double click) orders nothing.
		assertThat(approve(trade, this.alice, true, true)).hasStatus3xxRedirection()
			.flash()
			.containsEntry("flashError", "trade.refused.state");
		assertThat(checkouts(trade)).isEqualTo("PENDING,SUCCESS");

		Trade followed = this.tracker.follow(trade.getId());
		assertThat(followed.getStatus()).isEqualTo(TradeStatus.IN_PROGRESS);
		long taskId = followed.getTaskId();
		assertThat(tradeTasks(domain)).extracting(DomainTask::id).containsExactly(taskId);
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.bob))).bodyText()
			.contains("Waiting for both owners to confirm")
			.contains("contact " + newOwner)
			// The heading follows the trade: once ordered it is no longer a dry run.
			.contains("Order form (ordered)")
			.doesNotContain("dry run");

		List<SandboxMail> mails = this.sandbox.mailsForTask(taskId);
		assertThat(mails).extracting(SandboxMail::recipient)
			.contains("contact " + trade.getOldOwnerContactId(), "contact " + newOwner);
		for (SandboxMail mail : mails.stream().filter(m -> m.token() != null).toList()) {
			this.sandbox.answerTrade(taskId, mail.token(), true);
		}
		// A sync that sees the new owner before DomainDesk's own poll does not call it
		// drift: the checkout announced it.
		sync();
		assertThat(this.inventory.find(this.agency, domain).orElseThrow().ownerContactId()).isEqualTo(newOwner);
		assertThat(this.fixture.drifts(domain)).isZero();

		assertThat(this.mvc.post().uri("/trades/{id}/refresh", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();

		Trade done = reload(trade);
		assertThat(done.getStatus()).isEqualTo(TradeStatus.DONE);
		assertThat(this.inventory.find(this.agency, domain).orElseThrow().ownerContactId()).isEqualTo(newOwner);
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(this.bob))).bodyText()
			.contains("Done: contact " + newOwner)
			.contains("Owner change done");
		assertThat(this.mvc.get().uri("/trades").param("status", "DONE").with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains(domain);
	}

	/** Four eyes means two people: starting the trade counts as much as submitting it. */
	@Test
	void anAdminCannotApproveATradeTheyStartedEvenIfSomeoneElseSubmittedIt() {
		Trade trade = start(freeDomain(), "Deux", "Personnes", this.alice);
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(approve(trade, this.alice, true, true)).flash()
			.containsEntry("flashError", "trade.refused.fourEyes");
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.AWAITING_APPROVAL);
		assertThat(reload(trade).approvableBy("alice", true)).isFalse();
	}

	@Test
	void theSubmitterCannotApproveWithFourEyesUnlessTheAgencyTurnsItOffAndTheTaskCanBeAcceleratedOrCancelled() {
		String domain = freeDomain();
		Trade trade = start(domain, "Quatre", "Yeux");
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(this.alice)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(approve(trade, this.alice, true, true)).flash()
			.containsEntry("flashError", "trade.refused.fourEyes");
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.AWAITING_APPROVAL);
		try {
			assertThat(this.mvc.post()
				.uri("/trades/settings")
				.param("fourEyes", "false")
				.with(user(this.alice))
				.with(csrf())).hasStatus3xxRedirection();
			assertThat(approve(trade, this.alice, true, true)).flash().containsEntry("flash", "trade.ordered");
			assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.ORDERED);
		}
		finally {
			this.jdbc.sql("update agency set four_eyes_trades = true where id = :a").param("a", this.agency).update();
		}

		// The task offers what OVHcloud allows: accelerate while todo, then cancel.
		Trade followed = this.tracker.follow(trade.getId());
		assertThat(followed.getStatus()).isEqualTo(TradeStatus.IN_PROGRESS);
		assertThat(followed.isTaskCanAccelerate()).isTrue();
		assertThat(this.mvc.post().uri("/trades/{id}/task/accelerate", trade.getId()).with(user(this.bob)).with(csrf()))
			.flash()
			.containsEntry("flash", "trade.task.accelerate");
		assertThat(reload(trade).getTaskStatus()).isEqualTo("doing");
		assertThat(reload(trade).isTaskCanAccelerate()).isFalse();
		assertThat(this.mvc.post().uri("/trades/{id}/task/accelerate", trade.getId()).with(user(this.bob)).with(csrf()))
			.flash()
			.containsEntry("flashError", "trade.refused.task");
		assertThat(this.mvc.post().uri("/trades/{id}/task/cancel", trade.getId()).with(user(this.bob)).with(csrf()))
			.flash()
			.containsEntry("flash", "trade.task.cancel");
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.FAILED);
		assertThat(this.inventory.find(this.agency, domain).orElseThrow().ownerContactId())
			.isEqualTo(trade.getOldOwnerContactId());
	}

	@Test
	void aCheckoutThatTimesOutIsUnknownThenSettledByReadingAndNeverSentTwice() {
		String domain = freeDomain();
		Trade trade = start(domain, "Lent", "Reseau");
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		this.sandbox.setReadTimeout(Duration.ofSeconds(6));
		this.sandbox.addFault("POST /order/cart/*/checkout", SandboxProperties.FaultKind.READ_TIMEOUT, 100, 0);
		assertThat(approve(trade, this.alice, true, true)).flash()
			.containsEntry("flashError", "trade.checkout.unknown");
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.UNKNOWN);
		this.sandbox.clearFaults();

		// Approving again is refused: only a reading may settle it.
		assertThat(approve(trade, this.alice, true, true)).flash().containsEntry("flashError", "trade.refused.state");

		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.tracker.follow(trade.getId()).getStatus() != TradeStatus.UNKNOWN);
		Trade settled = reload(trade);
		assertThat(settled.getStatus()).isIn(TradeStatus.ORDERED, TradeStatus.IN_PROGRESS);
		// The sandbox received exactly one checkout: one order, one DomainTrade task.
		assertThat(tradeTasks(domain)).hasSize(1);
		assertThat(checkouts(trade)).isEqualTo("PENDING,UNKNOWN,SUCCESS");
	}

	@Test
	void anotherAgencyGets404AndAuditorsCannotPost() {
		String domain = freeDomain();
		Trade trade = start(domain, "Autre", "Agence");
		DeskPrincipal carol = this.users.findByUsername("carol").orElseThrow();
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(carol))).hasStatus(404);
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(carol)).with(csrf()))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/domains/{d}/owner", domain).with(user(carol))).hasStatus(404);
		assertThat(this.mvc.get().uri("/domains/{d}/trade", domain).with(user(carol))).hasStatus(404);
		assertThat(this.mvc.get().uri("/trades").with(user(carol))).bodyText().doesNotContain(domain);
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.READY);

		DeskPrincipal dora = this.users.findByUsername("dora").orElseThrow();
		assertThat(this.mvc.get().uri("/trades/{id}", trade.getId()).with(user(dora))).hasStatusOk();
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(dora)).with(csrf()))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/trades/{id}/cancel", trade.getId()).with(user(dora)).with(csrf()))
			.hasStatus(403);
		assertThat(post("/domains/{d}/owner", domain, currentOwner(domain)).with(user(dora))).hasStatus(403);
		assertThat(this.mvc.post().uri("/trades/settings").param("fourEyes", "false").with(user(dora)).with(csrf()))
			.hasStatus(403);
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.READY);

		assertThat(this.mvc.post().uri("/trades/{id}/cancel", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.CANCELLED);
	}

	@Test
	void aNewOwnerRefusedByTheTradeRulesIsExplainedNextToItsFieldsAndNothingIsCreated() {
		String domain = freeDomain();
		Map<String, String> owner = new LinkedHashMap<>();
		owner.put("legalForm", "individual");
		owner.put("firstName", "Sans");
		owner.put("lastName", "Ville");
		owner.put("email", "not-an-email");
		owner.put("phone", "+33.612345678");
		owner.put("language", "fr_FR");
		owner.put("address.line1", "1 rue de la Paix");
		owner.put("address.country", "FR");
		owner.put("address.zip", "75002");
		assertThat(post("/domains/{d}/trade", domain, owner).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("Field &quot;email&quot; does not match")
			.contains("Field &quot;city&quot; is required")
			.contains("value=\"not-an-email\"")
			.contains("value=\"Sans\"");
		assertThat(this.trades.findByAgencyIdAndDomainNameOrderByIdDesc(this.agency, domain)).isEmpty();
	}

	@Test
	void twentyConcurrentApprovalsPlaceOneOrder() throws Exception {
		String domain = freeDomain();
		Trade trade = start(domain, "Vingt", "Clics");
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
		try {
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 20; i++) {
				answers.add(pool.submit(() -> {
					go.await();
					return approve(trade, this.alice, true, true).exchange().getResponse().getStatus();
				}));
			}
			go.countDown();
			for (java.util.concurrent.Future<Integer> answer : answers) {
				assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(302);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(reload(trade).getStatus()).isEqualTo(TradeStatus.ORDERED);
		assertThat(checkouts(trade)).isEqualTo("PENDING,SUCCESS");
		assertThat(tradeTasks(domain)).hasSize(1);
	}

	@Test
	void dotComAndDotFrFollowTheirOwnRules() throws Exception {
		String com = freeDomain();
		String fr = this.fixture.domain("fr");
		String comPage = this.mvc.get()
			.uri("/domains/{d}/owner", com)
			.with(user(this.bob))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String frPage = this.mvc.get()
			.uri("/domains/{d}/owner", fr)
			.with(user(this.bob))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		// .fr: only EU/EEA holders and every legal form; .com: any country, the generic
		// legal forms.
		assertThat(comPage).contains("<option value=\"US\"").doesNotContain("<option value=\"administration\"");
		assertThat(frPage).doesNotContain("<option value=\"US\"").contains("<option value=\"administration\"");
	}

	@Test
	void anExpiredCartIsPreparedAgainBeforeApprovalNeverCheckedOut() {
		String domain = freeDomain();
		Trade trade = start(domain, "Panier", "Perime");
		String firstCart = trade.getCartId();
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(this.bob)).with(csrf()))
			.hasStatus3xxRedirection();
		this.sandbox.advanceClock(Duration.ofHours(25));
		assertThat(approve(trade, this.alice, true, true)).flash().containsEntry("flashError", "trade.cart.renewed");
		Trade renewed = reload(trade);
		assertThat(renewed.getStatus()).isEqualTo(TradeStatus.AWAITING_APPROVAL);
		assertThat(renewed.getCartId()).isNotEqualTo(firstCart);
		assertThat(checkouts(trade)).isEmpty();
		assertThat(approve(trade, this.alice, true, true)).flash().containsEntry("flash", "trade.ordered");
	}

	private void sync() {
		this.fixture.sync();
	}

	private Trade start(String domain, String firstName, String lastName) {
		return this.fixture.start(domain, firstName, lastName, this.bob);
	}

	private Trade start(String domain, String firstName, String lastName, DeskPrincipal who) {
		return this.fixture.start(domain, firstName, lastName, who);
	}

	private MockMvcTester.MockMvcRequestBuilder post(String uri, String domain, Map<String, String> fields) {
		return this.fixture.post(uri, domain, fields);
	}

	private MockMvcTester.MockMvcRequestBuilder approve(Trade trade, DeskPrincipal who, boolean waive,
			boolean autoPay) {
		return this.fixture.approve(trade, who, waive, autoPay);
	}

	private Trade reload(Trade trade) {
		return this.fixture.reload(trade);
	}

	private Map<String, String> currentOwner(String domain) {
		return this.fixture.currentOwner(domain);
	}

	private List<DomainTask> tradeTasks(String domain) {
		return this.fixture.tradeTasks(domain);
	}

	private String checkouts(Trade trade) {
		return this.fixture.steps(trade, "checkout");
	}

	private String outcomes(String action, String domain) {
		return this.fixture.outcomes(action, domain);
	}

	/** A .com domain of the test's own. */
	private String freeDomain() {
		return this.fixture.domain("com");
	}

}
