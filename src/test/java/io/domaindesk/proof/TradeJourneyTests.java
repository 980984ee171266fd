package io.domaindesk.proof;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.domaindesk.agency.DeskUsers;
import io.domaindesk.sandbox.SandboxAccounts;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.trades.TradeFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner contact and a whole owner trade in a real Chromium: a writable field saved, a
 * locked field refused next to it with the offer of a trade, the trade prepared from the
 * typed values and submitted by staff, refused to its submitter (four eyes), approved by
 * an agency admin with both boxes and the confirm dialog, confirmed by both owners from
 * the sandbox mailbox, and followed to done with the new owner on the domain page. Then a
 * paid trade (a .be) on an account without a default payment method: awaiting payment
 * with the order's link, paid by an admin with the registered means, done on the page
 * left open. The steps run in order; screenshots of a failed step land in
 * {@code target/browser-screenshots}.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class TradeJourneyTests {

	private static final String NEW_FIRST = "Journey";

	private static final String NEW_LAST = "Nouveau";

	private static final String NEW_EMAIL = "journey.nouveau@example.net";

	/** The domain of the journey and its trade, carried from step to step. */
	private static String domain;

	private static Long tradeId;

	/** The paid trade's domain (a .be of its own) and trade. */
	private static String paidDomain;

	private static Long paidTradeId;

	@Autowired
	ApplicationContext context;

	@Autowired
	SandboxAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

	@LocalServerPort
	int port;

	@BeforeEach
	void pointAt(Browser browser) {
		browser.base(this.port);
		long agency = DemoInventory.synced(this.jdbc, this.mvc, this.users.findByUsername("bob").orElseThrow());
		if (domain == null) {
			domain = freeDomain(agency);
		}
		// The agency's default rule, which another test of the shared database may have
		// switched off (POST /trades/settings without its box).
		this.jdbc.sql("update agency set four_eyes_trades = true where id = :a").param("a", agency).update();
	}

	@AfterEach
	void healSandbox() {
		this.sandbox.clearFaults();
		this.accounts.reset(TradeFixture.ACCOUNT);
	}

	@Test
	@Order(1)
	void staffSavesAWritableOwnerField(Browser browser) {
		browser.loginAs("bob");
		browser.open("/domains/" + domain + "/owner");
		assertThat(browser.find("h1").getText()).contains(domain);
		assertThat(browser.find("#f-firstName-help").getText()).contains("Locked by OVHcloud");

		browser.type("#f-phone", "+33.198765432");
		browser.type("#f-address-city", "Villeurbanne");
		browser.click(browser.button("Check and save"));
		browser.await(d -> !browser.all(".alert-success").isEmpty());
		assertThat(browser.path()).isEqualTo("/domains/" + domain + "/owner");
		assertThat(browser.find(".alert-success").getText()).contains("was updated at OVHcloud");
		// Read back from OVHcloud, not echoed from the form.
		assertThat(browser.find("#f-address-city").getAttribute("value")).isEqualTo("Villeurbanne");
		assertThat(browser.find("#f-phone").getAttribute("value")).isEqualTo("+33.198765432");
	}

	@Test
	@Order(2)
	void aLockedFieldIsRefusedNextToItKeepsWhatWasTypedAndOffersATrade(Browser browser) {
		browser.loginAs("bob");
		browser.open("/domains/" + domain + "/owner");
		String firstBefore = browser.find("#f-firstName").getAttribute("value");
		browser.type("#f-firstName", NEW_FIRST);
		browser.type("#f-address-city", "Saint-Typed");
		browser.click(browser.button("Check and save"));
		browser.await(d -> !browser.all("#trade-offer").isEmpty());

		assertThat(browser.find(".alert-danger").getText()).contains("Nothing was sent");
		WebElement first = browser.find("#f-firstName");
		assertThat(first.getAttribute("class")).contains("is-invalid");
		assertThat(browser.find("#f-firstName-help .invalid-feedback").getText()).contains("read-only")
			.contains("trade");
		// Nothing typed is lost, the refused field included.
		assertThat(first.getAttribute("value")).isEqualTo(NEW_FIRST);
		assertThat(browser.find("#f-address-city").getAttribute("value")).isEqualTo("Saint-Typed");
		assertThat(browser.find("#trade-offer").getText()).contains("only a trade can do");
		assertThat(browser.button("Start a trade with these values").isDisplayed()).isTrue();

		// And nothing changed at OVHcloud.
		browser.open("/domains/" + domain + "/owner");
		assertThat(browser.find("#f-firstName").getAttribute("value")).isEqualTo(firstBefore);
		assertThat(browser.find("#f-address-city").getAttribute("value")).isEqualTo("Villeurbanne");
	}

	@Test
	@Order(3)
	void staffPreparesTheTradeFromTheTypedValuesAndSubmitsIt(Browser browser) {
		browser.loginAs("bob");
		browser.open("/domains/" + domain + "/owner");
		browser.type("#f-firstName", NEW_FIRST);
		browser.click(browser.button("Check and save"));
		browser.await(d -> !browser.all("#trade-offer").isEmpty());
		browser.click(browser.button("Start a trade with these values"));
		browser.await(d -> !browser.all("#offer").isEmpty());

		// 1. Price and eligibility.
		String tld = domain.substring(domain.lastIndexOf('.') + 1);
		assertThat(browser.find("#offer").getText()).contains("Owner change:")
			.contains(tld + "-trade")
			.contains("€")
			.contains("14 days");
		// 2. The new owner starts from what was typed on the owner page.
		assertThat(browser.find("#f-firstName").getAttribute("value")).isEqualTo(NEW_FIRST);
		browser.type("#f-lastName", NEW_LAST);
		browser.type("#f-email", NEW_EMAIL);
		browser.click(browser.button("Prepare the order"));
		browser.await(Duration.ofSeconds(30), d -> browser.path().matches("/trades/\\d+"));
		tradeId = Long.parseLong(browser.path().substring("/trades/".length()));

		// 3. The dry run: the order form with its prices and contracts.
		assertThat(browser.find(".alert-success").getText()).contains("ready at OVHcloud");
		assertThat(browser.find("#trade-status").getText()).isEqualTo("Ready to submit");
		assertThat(browser.find("#new-owner").getText()).contains(NEW_FIRST + " " + NEW_LAST);
		WebElement order = browser.find("#order-form");
		assertThat(order.getText()).contains("Owner change of " + domain).contains("Total incl. tax");
		assertThat(browser.find("#order-total").getText()).contains("€");
		List<WebElement> contracts = order.findElements(By.cssSelector("li a"));
		assertThat(contracts).isNotEmpty().allSatisfy(c -> assertThat(c.getAttribute("href")).startsWith("http"));

		// 4. Submitted for approval.
		browser.click(browser.button("Submit for approval"));
		// The page before the click had a success message too: wait for the next page.
		browser.await(d -> statusShown(browser, "Awaiting approval"));
		assertThat(browser.find(".alert-success").getText()).contains("Submitted");
		assertThat(browser.find("#trade-status").getText()).isEqualTo("Awaiting approval");
	}

	@Test
	@Order(4)
	void theSubmitterCannotApprove(Browser browser) {
		assertThat(tradeId).as("the trade of the previous step").isNotNull();
		browser.loginAs("bob");
		browser.open("/trades/" + tradeId);
		assertThat(browser.find("#trade-status").getText()).isEqualTo("Awaiting approval");
		assertThat(browser.all("#approve-form")).as("bob is staff and the submitter").isEmpty();
		assertThat(browser.all("#waive, #autopay")).isEmpty();
		assertThat(browser.find("#next-step").getText()).contains("bob cannot approve their own trade");
	}

	@Test
	@Order(5)
	void anAgencyAdminApprovesWithBothBoxesAndTheConfirmDialog(Browser browser) {
		assertThat(tradeId).as("the trade of the previous step").isNotNull();
		browser.loginAs("alice");
		browser.open("/trades/" + tradeId);
		assertThat(browser.find("#approve-form").isDisplayed()).isTrue();
		approveWithBothBoxes(browser);
		assertThat(browser.find(".alert-success").getText()).contains("Ordered at OVHcloud");
		assertThat(browser.find("#trade-status").getText()).isIn("Ordered", "Waiting for the owners");
		assertThat(browser.find("#history").getText()).contains("alice");
		assertThat(this.jdbc.sql("select approved_by from trade where id = :t")
			.param("t", tradeId)
			.query(String.class)
			.single()).isEqualTo("alice");
	}

	@Test
	@Order(6)
	void bothOwnersConfirmFromTheirMailbox(Browser browser) {
		assertThat(tradeId).as("the trade of the previous step").isNotNull();
		browser.loginAs("bob");
		browser.open("/trades/" + tradeId);
		// The follow-up finds the DomainTrade task and says who must confirm.
		browser.click(browser.button("Refresh from OVHcloud"));
		browser.await(d -> statusShown(browser, "Waiting for the owners"));
		assertThat(browser.find("#next-step").getText()).contains("both owners to confirm");
		long taskId = this.jdbc.sql("select task_id from trade where id = :t")
			.param("t", tradeId)
			.query(Long.class)
			.single();

		for (String party : List.of("Confirm as old owner", "Confirm as new owner")) {
			browser.open("/ovh-sandbox/mailbox");
			WebElement mail = mailOf(browser, taskId, party);
			assertThat(mail).as("the mail of task %d with '%s'", taskId, party).isNotNull();
			assertThat(mail.getText()).contains(domain);
			browser.click(mail.findElement(By.xpath(".//button[normalize-space()='" + party + "']")));
			browser.await(d -> !browser.all(".alert").isEmpty());
			assertThat(browser.find(".alert").getText())
				.isEqualTo("Owner change " + taskId + " confirmed with this token.");
		}
	}

	@Test
	@Order(7)
	void theFollowUpEndsTheTradeAndTheDomainShowsItsNewOwner(Browser browser) {
		assertThat(tradeId).as("the trade of the previous step").isNotNull();
		browser.loginAs("bob");
		browser.open("/trades/" + tradeId);
		browser.click(browser.button("Refresh from OVHcloud"));
		browser.await(d -> statusShown(browser, "Done"));
		String newOwner = this.jdbc.sql("select new_owner_contact_id from trade where id = :t")
			.param("t", tradeId)
			.query(String.class)
			.single();
		assertThat(browser.find("#next-step").getText()).contains("Done: contact " + newOwner + " is the owner");
		assertThat(browser.find("#history").getText()).contains("Owner change done");
		assertThat(browser.all("form[action$='/refresh']")).as("a finished trade has nothing to refresh").isEmpty();

		browser.open("/domains/" + domain);
		String owner = browser.find("#owner-card").getText();
		assertThat(owner).contains(NEW_FIRST + " " + NEW_LAST).contains(NEW_EMAIL);
		browser.open("/trades?status=DONE");
		assertThat(browser.text()).contains(domain);
	}

	/**
	 * A paid trade on an account without a default payment method: the approval card says
	 * the order will wait, the checkout leaves it awaiting payment with its link, an
	 * admin pays it with the registered means after a confirmation, and the page the
	 * staff keep open follows the owner change to done by itself.
	 */
	@Test
	@Order(8)
	void staffPreparesAPaidTradeAndSubmitsIt(Browser browser) {
		TradeFixture trades = new TradeFixture(this.context);
		paidDomain = trades.domain("be");
		browser.loginAs("bob");
		browser.open("/domains/" + paidDomain + "/trade");
		assertThat(browser.find("#offer").getText()).contains("9.99").contains("be-trade");
		fill(browser, "f-legalForm", "individual");
		fill(browser, "f-firstName", "Payante");
		fill(browser, "f-lastName", "Belge");
		fill(browser, "f-email", "payante.belge@example.net");
		fill(browser, "f-phone", "+32.471234567");
		fill(browser, "f-language", "fr_FR");
		fill(browser, "f-address-line1", "1 rue Neuve");
		fill(browser, "f-address-city", "Bruxelles");
		fill(browser, "f-address-zip", "1000");
		fill(browser, "f-address-country", "BE");
		browser.click(browser.button("Prepare the order"));
		browser.await(Duration.ofSeconds(30), d -> browser.path().matches("/trades/\\d+"));
		paidTradeId = Long.parseLong(browser.path().substring("/trades/".length()));
		assertThat(browser.find("#order-total").getText()).contains("€").doesNotContain("0.00");
		browser.click(browser.button("Submit for approval"));
		browser.await(d -> statusShown(browser, "Awaiting approval"));
	}

	@Test
	@Order(9)
	void anAdminIsToldThereIsNoDefaultMethodApprovesAndTheOrderAwaitsPayment(Browser browser) {
		assertThat(paidTradeId).as("the paid trade of the previous step").isNotNull();
		// An account whose card is registered but not the default payment method.
		this.accounts.setPayment(TradeFixture.ACCOUNT, SandboxAccounts.Payment.REGISTERED);
		browser.loginAs("alice");
		browser.open("/trades/" + paidTradeId);
		assertThat(browser.find("#payment-method").getText()).contains("no default payment method")
			.contains("awaiting payment");
		approveWithBothBoxes(browser);
		assertThat(browser.find(".alert-danger").getText()).contains("it is awaiting payment");
		assertThat(browser.find("#trade-status").getText()).isEqualTo("Awaiting payment");
		long orderId = this.jdbc.sql("select order_id from trade where id = :t")
			.param("t", paidTradeId)
			.query(Long.class)
			.single();
		assertThat(browser.find("#awaiting-payment").getText()).contains("OVHcloud placed order " + orderId)
			.contains("it is not paid");
		WebElement link = browser.find("#order-pay-link");
		assertThat(link.getText()).isEqualTo("Pay order " + orderId + " in the OVHcloud Control Panel");
		assertThat(link.getAttribute("href")).contains("orderId=" + orderId);
		assertThat(browser.button("Pay with the registered means").isDisplayed()).isTrue();
	}

	@Test
	@Order(10)
	void staffCannotPayAndAnAdminPaysWithTheRegisteredMeansAfterConfirming(Browser browser) {
		assertThat(paidTradeId).as("the paid trade of the previous step").isNotNull();
		browser.loginAs("bob");
		browser.open("/trades/" + paidTradeId);
		assertThat(browser.find("#trade-status").getText()).isEqualTo("Awaiting payment");
		assertThat(browser.all("#pay-form")).as("bob is staff").isEmpty();

		browser.loginAs("alice");
		browser.open("/trades/" + paidTradeId);
		browser.click(browser.button("Pay with the registered means"));
		Alert confirm = browser.await(ExpectedConditions.alertIsPresent());
		assertThat(confirm.getText()).contains("Charge order").contains("registered payment means");
		confirm.accept();
		browser.await(Duration.ofSeconds(30), d -> !browser.all(".alert-success, .alert-danger").isEmpty());
		assertThat(browser.find(".alert-success").getText()).contains("is paid: OVHcloud starts the owner change");
		assertThat(browser.find("#trade-status").getText()).isIn("Ordered", "Waiting for the owners");
		assertThat(browser.all("#pay-form")).isEmpty();
		assertThat(browser.find("#history").getText()).contains("alice");
	}

	@Test
	@Order(11)
	void theOwnerChangeRunsAndTheOpenPageShowsItDoneWithTheNewOwner(Browser browser) {
		assertThat(paidTradeId).as("the paid trade of the previous step").isNotNull();
		TradeFixture trades = new TradeFixture(this.context);
		browser.loginAs("bob");
		browser.open("/trades/" + paidTradeId);
		((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true;");
		// What the background poll does while the page stays open: the task found, both
		// owners confirm from their e-mail, the task done.
		trades.follow(paidTradeId);
		long taskId = this.jdbc.sql("select task_id from trade where id = :t")
			.param("t", paidTradeId)
			.query(Long.class)
			.single();
		trades.confirmBoth(taskId);
		assertThat(trades.follow(paidTradeId)).isEqualTo("DONE");

		// The page refreshes itself (every 30 s while OVHcloud works): no click, no
		// reload. The page opened with its poll; the test shortens only the interval
		// (htmx reads the changed trigger again), so that the poll's own request, select
		// and swap show the change within seconds instead of half a minute.
		Object interval = ((JavascriptExecutor) browser.driver()).executeScript("""
				const live = document.getElementById('trade-live');
				const every = /^every (\\d+)s$/.exec(live.getAttribute('hx-trigger') || '');
				if (every) {
				  live.setAttribute('hx-trigger', 'every 1s');
				  htmx.process(live);
				}
				return every ? Number(every[1]) : null;
				""");
		assertThat(interval).as("the seconds between two polls of the open trade page")
			.isNotNull()
			.satisfies((seconds) -> assertThat(((Number) seconds).intValue()).isBetween(1, 45));
		browser.await(Duration.ofSeconds(45), d -> statusShown(browser, "Done"));
		assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded === true;"))
			.as("the page was updated in place, not reloaded")
			.isEqualTo(true);
		String newOwner = this.jdbc.sql("select new_owner_contact_id from trade where id = :t")
			.param("t", paidTradeId)
			.query(String.class)
			.single();
		assertThat(browser.find("#next-step").getText()).contains("Done: contact " + newOwner + " is the owner");
		assertThat(browser.find("#new-owner").getText()).contains("Payante Belge");

		browser.open("/domains/" + paidDomain);
		assertThat(browser.find("#owner-card").getText()).contains("Payante Belge");
		browser.open("/domains?q=" + paidDomain);
		assertThat(browser.text()).contains("Payante Belge");
	}

	/**
	 * Ticks both boxes, approves, checks and accepts the confirm dialog; returns once the
	 * next page shows its message.
	 */
	private static void approveWithBothBoxes(Browser browser) {
		browser.click(browser.find("#waive"));
		browser.click(browser.find("#autopay"));
		browser.click(browser.button("Approve and place the order"));
		Alert confirm = browser.await(ExpectedConditions.alertIsPresent());
		assertThat(confirm.getText()).contains("Place the order at OVHcloud").contains("€");
		confirm.accept();
		browser.await(Duration.ofSeconds(30), d -> !browser.all(".alert-success, .alert-danger").isEmpty());
	}

	/** Types into a field, or picks the option of a select. */
	private static void fill(Browser browser, String id, String value) {
		WebElement field = browser.find("#" + id);
		if ("select".equals(field.getTagName())) {
			new Select(field).selectByValue(value);
		}
		else {
			browser.type("#" + id, value);
		}
	}

	/** Whether the trade page shows this state, once the page after a click is there. */
	private static boolean statusShown(Browser browser, String state) {
		try {
			return browser.find("#trade-status").getText().equals(state);
		}
		catch (StaleElementReferenceException | NoSuchElementException ex) {
			return false;
		}
	}

	/** The row of the mailbox for this task whose button says {@code party}. */
	private static WebElement mailOf(Browser browser, long taskId, String party) {
		for (WebElement row : browser.all("tbody tr")) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			if (cells.size() > 5 && cells.get(3).getText().equals(Long.toString(taskId))
					&& !row.findElements(By.xpath(".//button[normalize-space()='" + party + "']")).isEmpty()) {
				return row;
			}
		}
		return null;
	}

	/**
	 * A domain with an individual owner (so the first name is locked) that no other test
	 * touches: preferably not administered by the agency's own nichandle (the nic-change
	 * tests take those), never traded, no owner edit, no DomainTrade task at OVHcloud, an
	 * owner contact of its own and no hostile markup in its name.
	 */
	private String freeDomain(long agency) {
		return this.jdbc
			.sql("""
					select d.name from domain d
					join ovh_sandbox.object o on o.kind = 'contact' and o.id = d.owner_contact_id
					where d.agency_id = :a and d.state = 'ok' and d.gone_at is null and d.tld in ('com', 'net', 'org')
					  and d.pending_operations = 0 and d.name not like 'fixture-%' and d.name = d.unicode_name
					  and coalesce(d.owner_name, '') !~ '[<>&''"]' and coalesce(d.owner_name, '') !~ '(^|\\s)[-+=@]'
					  and o.doc ->> 'legalForm' = 'individual' and coalesce(o.doc ->> 'firstName', '') <> ''
					  and (select count(*) from domain x where x.owner_contact_id = d.owner_contact_id) = 1
					  and not exists (select 1 from nic_change c where c.domain_name = d.name)
					  and not exists (select 1 from contact_change_task t where t.domain_name = d.name)
					  and not exists (select 1 from trade t where t.domain_name = d.name)
					  and not exists (select 1 from audit_event e where e.target_domain = d.name and e.action like 'owner.%')
					  and not exists (select 1 from ovh_sandbox.object k
					                  where k.kind = 'domainTask' and k.ref = d.name and k.doc ->> 'function' = 'DomainTrade')
					order by d.contact_admin = 'ae1000-ovh', md5(d.name) limit 1
					""")
			.param("a", agency)
			.query(String.class)
			.single();
	}

}
