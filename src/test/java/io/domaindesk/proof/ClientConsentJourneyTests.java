package io.domaindesk.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.TestMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's consent to an owner change, in real Chromium: bob opens a client, starts a
 * trade of one of its domains and sends a consent request; submitting is refused while
 * the agency requires consent; the link from the delivered e-mail (read from the
 * in-process SMTP server) opens in a fresh browser with no cookie and the owner agrees;
 * the trade shows the evidence and is submitted; the link used again shows the neutral
 * page.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class ClientConsentJourneyTests {

	private static String domain;

	private static Long clientId;

	private static Long tradeId;

	private static String link;

	private static JdbcClient sharedJdbc;

	private static long agency;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@LocalServerPort
	int port;

	@BeforeEach
	void consentRequired(Browser browser) {
		browser.base(this.port);
		agency = DemoInventory.synced(this.jdbc, this.mvc, this.users.findByUsername("bob").orElseThrow());
		sharedJdbc = this.jdbc;
		if (domain == null) {
			domain = freeDomain(agency);
			clientId = this.jdbc.sql("""
					select dc.client_id from domain d join domain_client dc on dc.domain_id = d.id
					where d.agency_id = :a and d.name = :d
					""").param("a", agency).param("d", domain).query(Long.class).single();
		}
		mode("REQUIRED");
		// The agency's default rule, which another test may have switched off.
		this.jdbc.sql("update agency set four_eyes_trades = true where id = :a").param("a", agency).update();
	}

	@AfterAll
	static void optionalAgain() {
		if (sharedJdbc != null) {
			sharedJdbc.sql("update client_settings set consent_mode = 'OPTIONAL' where agency_id = :a")
				.param("a", agency)
				.update();
		}
	}

	@Test
	@Order(1)
	void bobOpensAClientStartsATradeAndAsksForConsentWhichSubmissionThenWaitsFor(Browser browser) {
		browser.loginAs("bob");
		String email = this.jdbc.sql("select email from client where id = :c")
			.param("c", clientId)
			.query(String.class)
			.single();
		browser.open("/clients");
		browser.type("#q", email);
		browser.click(browser.find("#client-filters button[type=submit]"));
		browser.await(d -> !browser.all("#clients-table a[href='/clients/" + clientId + "']").isEmpty());
		browser.click(browser.find("#clients-table a[href='/clients/" + clientId + "']"));
		browser.await(d -> browser.path().equals("/clients/" + clientId));
		assertThat(browser.find("#owner-contacts").getText()).isNotBlank();

		browser.click(browser.find("#client-domains a[href='/domains/" + domain + "']"));
		browser.await(d -> browser.path().equals("/domains/" + domain));
		browser.click(browser.find("a[href='/domains/" + domain + "/trade']"));
		browser.await(d -> !browser.all("#offer").isEmpty());
		browser.click(browser.find("#source-existing"));
		Select contacts = new Select(browser.find("#contactId"));
		contacts.selectByIndex(contacts.getOptions().size() - 1);
		browser.click(browser.button("Prepare the order"));
		browser.await(Duration.ofSeconds(30), d -> browser.path().matches("/trades/\\d+"));
		tradeId = Long.parseLong(browser.path().substring("/trades/".length()));
		assertThat(browser.find("#trade-status").getText()).isEqualTo("Ready to submit");
		assertThat(browser.find("#consent").getText()).contains("required").contains("No consent request yet");

		browser.click(browser.find("#consent-request-form button"));
		// The text, not just an alert: the previous page may still show its own.
		browser.await(d -> browser.find(".alert-success").getText().contains("Consent request sent"));
		assertThat(browser.find("#consent").getText()).contains("Waiting for the owner").contains("by bob");

		browser.click(browser.button("Submit for approval"));
		browser.await(d -> browser.find(".alert-danger").getText().contains("consent is required and still awaited"));
		assertThat(browser.find("#trade-status").getText()).isEqualTo("Ready to submit");
	}

	@Test
	@Order(2)
	void theOwnerAgreesFromTheLinkOfTheDeliveredEmailInAFreshBrowser() throws Exception {
		assertThat(tradeId).as("the trade of the previous step").isNotNull();
		String recipient = this.jdbc
			.sql("select recipient_email from consent_request where trade_id = :t and agency_id = :a")
			.param("a", agency)
			.param("t", tradeId)
			.query(String.class)
			.single();
		link = TestMail.latestLinkTo(recipient, "/consent/");
		assertThat(link).contains("/consent/");

		Path downloads = Files.createTempDirectory("consent-journey-");
		try (Browser owner = Browser.start(downloads)) {
			// The page opens no session: the owner has no account. (After the route
			// sweep's MockMvc csrf() request it once did: see SecurityFiltersRestore.)
			java.net.http.HttpResponse<Void> page = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).GET().build(),
						java.net.http.HttpResponse.BodyHandlers.discarding());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().allValues("Set-Cookie")).as("no session for the owner")
				.noneMatch((cookie) -> cookie.startsWith("SESSION="));
			owner.driver().get(link);
			owner.checkAccessibility();
			String text = owner.find("#consent-text").getText();
			assertThat(text).contains(domainUnicode()).contains("→").contains("OVHcloud");
			assertThat(this.jdbc.sql("select shown_text from consent_request where trade_id = :t and agency_id = :a")
				.param("a", agency)
				.param("t", tradeId)
				.query(String.class)
				.single()
				.replace("\n", "")
				.replace(" ", "")).isEqualTo(text.replace("\n", "").replace(" ", ""));
			owner.click(owner.find("#agree"));
			owner.await(d -> !owner.all("#consent-outcome").isEmpty());
			assertThat(owner.find("#consent-outcome").getText()).isNotBlank();
			assertThat(this.jdbc.sql("select status from consent_request where trade_id = :t and agency_id = :a")
				.param("a", agency)
				.param("t", tradeId)
				.query(String.class)
				.single()).isEqualTo("AGREED");

			// The link works once.
			owner.driver().get(link);
			assertThat(owner.find("h1").getText()).isEqualTo("This link does not work");
			assertThat(owner.all("form")).isEmpty();
			owner.checkAccessibility();
			// The neutral page answers 404 by design; Chromium logs that, and nothing
			// else.
			assertThat(owner.consoleErrors()).allMatch(
					(error) -> error.startsWith(link + " - Failed to load resource") && error.contains("status of 404"),
					"the neutral page's own 404");
		}
	}

	@Test
	@Order(3)
	void theTradeShowsTheEvidenceAndCanBeSubmitted(Browser browser) {
		assertThat(link).as("the answer of the previous step").isNotNull();
		browser.loginAs("bob");
		browser.open("/trades/" + tradeId);
		String evidence = browser.find("#consent").getText();
		String sha = this.jdbc.sql("select shown_sha256 from consent_request where trade_id = :t and agency_id = :a")
			.param("a", agency)
			.param("t", tradeId)
			.query(String.class)
			.single();
		assertThat(evidence).contains("Agreed").contains("127.0.0.1").contains(sha).contains("Receipt (PDF)");

		browser.click(browser.button("Submit for approval"));
		browser.await(d -> statusShown(browser, "Awaiting approval"));
		assertThat(browser.find(".alert-success").getText()).contains("Submitted");

		// The client's page keeps the history.
		browser.open("/clients/" + clientId);
		assertThat(browser.find("#client-consents").getText()).contains(domainUnicode()).contains("Agreed");
		assertThat(browser.find("#client-history").getText()).contains("consent.answer").contains("trade.submit");
	}

	private String domainUnicode() {
		return this.jdbc.sql("select unicode_name from domain where agency_id = :a and name = :d")
			.param("a", agency)
			.param("d", domain)
			.query(String.class)
			.single();
	}

	private void mode(String mode) {
		this.jdbc.sql("""
				insert into client_settings (agency_id, consent_mode) values (:a, :m)
				on conflict (agency_id) do update set consent_mode = excluded.consent_mode
				""").param("a", agency).param("m", mode).update();
	}

	private static boolean statusShown(Browser browser, String state) {
		try {
			return browser.find("#trade-status").getText().equals(state);
		}
		catch (StaleElementReferenceException | NoSuchElementException ex) {
			return false;
		}
	}

	/**
	 * A domain grouped under a client, with an owner that has an e-mail address and no
	 * hostile markup, that no other test touches (never traded, nothing in flight, no
	 * DomainTrade task at OVHcloud); picked from the other end of the list than the trade
	 * journey's.
	 */
	private String freeDomain(long agency) {
		List<String> names = this.jdbc
			.sql("""
					select d.name from domain d
					join ovh_sandbox.object o on o.kind = 'contact' and o.id = d.owner_contact_id
					where d.agency_id = :a and d.state = 'ok' and d.gone_at is null and d.tld in ('com', 'net', 'org')
					  and exists (select 1 from domain_client dc where dc.domain_id = d.id) and coalesce(d.owner_email, '') <> ''
					  and d.pending_operations = 0 and d.name not like 'fixture-%' and d.name = d.unicode_name
					  and coalesce(d.owner_name, '') !~ '[<>&''"]' and coalesce(d.owner_organisation, '') !~ '[<>&''"]'
					  and coalesce(d.owner_email, '') !~ '[<>&''"]'
					  and not exists (select 1 from nic_change c where c.domain_name = d.name)
					  and not exists (select 1 from contact_change_task t where t.domain_name = d.name)
					  and not exists (select 1 from trade t where t.domain_name = d.name)
					  and not exists (select 1 from audit_event e where e.target_domain = d.name and e.action like 'owner.%')
					  and not exists (select 1 from ovh_sandbox.object k
					                  where k.kind = 'domainTask' and k.ref = d.name and k.doc ->> 'function' = 'DomainTrade')
					order by md5(d.name) desc limit 50
					""")
			.param("a", agency)
			.query(String.class)
			.list();
		// Claimed, so that no later test of the run is handed it (DemoInventory.reserve).
		return names.stream()
			.filter((name) -> DemoInventory.claim(agency, name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no free domain with a client"));
	}

}
