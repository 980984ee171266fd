package io.domaindesk.proof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.trades.TradeFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The pages as a first-time user meets them: every page of an agency admin and of a
 * platform admin passes axe-core (the {@link Browser} checks each page it opens), the
 * pages of a working day fit a 375 px phone, and a form sent back with errors puts the
 * focus on its first field in error and reads the errors out.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
@Tag("browser")
class AccessiblePagesJourneyTests {

	private static final int PHONE = 375;

	/**
	 * The elements that stick out of the screen, outside any box that scrolls them (an
	 * absolutely placed one, such as a visually hidden label, escapes a box that is not
	 * its containing block): what to fix when a page is too wide.
	 */
	private static final String OVERFLOWING = """
			const out = [];
			for (const e of document.body.querySelectorAll('*')) {
			  const r = e.getBoundingClientRect();
			  let scrolled = false;
			  for (let p = e.parentElement; p; p = p.parentElement) {
			    if (getComputedStyle(p).overflowX !== 'visible') { scrolled = true; break; }
			  }
			  const placed = ['absolute', 'fixed'].includes(getComputedStyle(e).position);
			  if (r.right > window.innerWidth + 0.5 && (!scrolled || placed) && e.children.length === 0) {
			    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
			      + ' (right ' + Math.round(r.right) + ')');
			  }
			}
			return out.slice(0, 10).join(', ');
			""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	private long agency;

	/**
	 * A domain of this class's own with a nichandle change waiting for its tokens, and a
	 * trade of bob's prepared at OVHcloud (its order form shown) waiting to be submitted.
	 */
	private static String domain;

	private static Long trade;

	@BeforeEach
	void pointAt(Browser browser) {
		browser.base(this.port);
		this.agency = DemoInventory.synced(this.jdbc, this.mvc, bob());
		if (domain == null) {
			domain = DemoInventory.reserve(this.jdbc, this.agency, TradeFixture.ACCOUNT, 1).get(0);
			changeWaitingForTokens(domain);
			TradeFixture trades = new TradeFixture(this.context);
			trade = trades.start(trades.domain("org"), "Petit", "Ecran", trades.bob()).getId();
		}
	}

	@Test
	void everyPageOfTheAdminsPassesAxe(Browser browser) {
		browser.loginAs("alice");
		long alice = this.jdbc.sql("select id from app_user where username = 'alice'").query(Long.class).single();
		List<String> pages = new ArrayList<>(List.of("/domains", "/domains?q=a&state=ok&sort=expiry",
				"/domains/" + domain, "/domains/" + domain + "/owner", "/domains/" + domain + "/nic-change",
				"/domains/" + domain + "/nic-change/new-account", "/domains/" + domain + "/trade", "/clients",
				"/nic-changes", "/nic-changes?state=all", "/nic-changes/bulk?names=" + domain, "/trades",
				"/trades/" + trade, "/audit", "/admin", "/admin/users", "/admin/users/" + alice + "/password",
				"/admin/ovh-accounts", "/admin/outbox", "/sync", "/account"));
		firstId("select id from client where agency_id = :a order by id").ifPresent(c -> pages.add("/clients/" + c));
		firstId("select id from nic_change_batch where agency_id = :a order by id desc")
			.ifPresent(b -> pages.add("/batches/" + b));
		firstId("select id from ovh_account where agency_id = :a order by id")
			.ifPresent(a -> pages.add("/admin/ovh-accounts/" + a + "/me"));
		for (String page : pages) {
			browser.open(page);
		}
		// axe-core reads colours with no transition halfway (see Browser.start).
		assertThat(((JavascriptExecutor) browser.driver())
			.executeScript("return matchMedia('(prefers-reduced-motion: reduce)').matches;")).isEqualTo(true);
		// The error page too; its 404 is the one console error expected.
		browser.open("/domains/no-such-domain.example");
		assertThat(browser.consoleErrors()).singleElement(STRING).contains("404");

		browser.loginAs("root");
		for (String page : List.of("/admin", "/admin/agencies", "/admin/endpoints", "/admin/outbox",
				"/ovh-sandbox/control", "/ovh-sandbox/mailbox", "/account")) {
			browser.open(page);
		}
		browser.open("/login?logout");
	}

	@Test
	void theMainPagesOfTheDayFitAPhone(Browser browser) {
		browser.loginAs("alice");
		browser.viewport(PHONE, 812);
		try {
			Map<String, List<String>> actions = new LinkedHashMap<>();
			actions.put("/domains", List.of("#q", "form[action='/sync'] button", "#results tbody a"));
			actions.put("/domains/" + domain, List.of("a[href$='/nic-change']", "#owner-card"));
			// A domain with a task in progress at OVHcloud, and its buttons: the sandbox
			// gives one to about one domain in a hundred, and its table once made the
			// page 511 px wide.
			this.jdbc.sql("""
					select d.name from domain d join ovh_sandbox.object o on o.kind = 'domainTask' and o.ref = d.name
					where d.agency_id = :a and o.doc ->> 'status' = 'todo' order by d.name limit 1
					""")
				.param("a", this.agency)
				.query(String.class)
				.optional()
				.ifPresent(
						(tasked) -> actions.put("/domains/" + tasked, List.of("form[action$='/accelerate'] button")));
			actions.put("/nic-changes", List.of("form[action='/nic-changes/refresh'] button", "#results"));
			actions.put("/trades/" + trade, List.of("#trade-status", "form[action$='/submit'] button"));
			actions.put("/audit", List.of("#results", "a[href*='/audit/export']"));
			for (Map.Entry<String, List<String>> page : actions.entrySet()) {
				browser.open(page.getKey());
				JavascriptExecutor js = (JavascriptExecutor) browser.driver();
				assertThat(((Number) js.executeScript("return window.innerWidth;")).intValue()).isEqualTo(PHONE);
				assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).intValue())
					.as("the page's width at %d px on %s; wider than the screen: %s", PHONE, page.getKey(),
							js.executeScript(OVERFLOWING))
					.isLessThanOrEqualTo(PHONE);
				assertThat(browser.find(".navbar-toggler").isDisplayed()).as("the menu button").isTrue();
				for (String action : page.getValue()) {
					WebElement element = browser.find(action);
					assertThat(onScreen(browser, element)).as("%s shown within the screen on %s", action, page.getKey())
						.isTrue();
				}
			}
		}
		finally {
			browser.resetViewport();
		}
	}

	@Test
	void aUserFormSentBackWithErrorsFocusesItsFirstFieldInErrorAndReadsTheErrors(Browser browser) {
		browser.loginAs("alice");
		browser.open("/admin/users");
		browser.type("#username", "journey-" + System.nanoTime());
		browser.type("#password", "short");
		browser.button("Create user").click();
		browser.await(d -> !browser.all("#displayName.is-invalid").isEmpty());

		// The name is the first field in error (the username above it was right).
		assertThat(focused(browser)).isEqualTo("displayName");
		WebElement name = browser.find("#displayName");
		assertThat(name.getAttribute("aria-invalid")).isEqualTo("true");
		String error = browser.find("#displayName-error").getText();
		assertThat(error).isNotBlank();
		assertThat(name.getAttribute("aria-describedby")).contains("displayName-error");
		assertThat(browser.find("#password").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find("#username").getAttribute("aria-invalid")).isNull();
		String announced = browser.await(d -> {
			String text = browser.find("#announcer").getAttribute("textContent");
			return text.isBlank() ? null : text;
		});
		assertThat(announced).contains(error);
		assertThat(browser.find("#announcer").getAttribute("aria-live")).isEqualTo("polite");

		// The same form sent by htmx and swapped in place: the focus, elsewhere now,
		// comes
		// back to the first field in error of the new form.
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript("document.getElementById('username').focus();"
				+ "const form = document.querySelector('form[action=\"/admin/users\"]');"
				+ "htmx.ajax('POST', '/admin/users', {source: form, target: form, swap: 'outerHTML',"
				+ " select: 'form[action=\"/admin/users\"]'});");
		browser.await(ExpectedConditions.stalenessOf(name));
		browser.await(d -> "displayName".equals(focused(browser)));
		assertThat(browser.find("#displayName").getAttribute("aria-invalid")).isEqualTo("true");
	}

	private static String focused(Browser browser) {
		return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id;");
	}

	/** Shown, and within the width of the screen (no sideways scrolling to reach it). */
	private static boolean onScreen(Browser browser, WebElement element) {
		Map<?, ?> box = (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeScript("""
				const r = arguments[0].getBoundingClientRect();
				return {left: r.left, right: r.right, width: r.width};
				""", element);
		return element.isDisplayed() && ((Number) box.get("width")).doubleValue() > 0
				&& ((Number) box.get("left")).doubleValue() >= 0 && ((Number) box.get("right")).doubleValue() <= PHONE;
	}

	private DeskPrincipal bob() {
		return this.users.findByUsername("bob").orElseThrow();
	}

	private Optional<Long> firstId(String sql) {
		return this.jdbc.sql(sql + " limit 1").param("a", this.agency).query(Long.class).optional();
	}

	/**
	 * A contact change sent to OVHcloud and waiting for its tokens, so that
	 * {@code /nic-changes} shows its table with the token fields.
	 */
	private void changeWaitingForTokens(String domain) {
		String tech = this.jdbc.sql("""
				select contact_tech from domain where agency_id = :a and contact_tech <> 'ae1000-ovh'
				  and contact_tech <> (select contact_tech from domain where agency_id = :a and name = :d)
				group by contact_tech order by contact_tech limit 1
				""").param("a", this.agency).param("d", domain).query(String.class).single();
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactTech", tech)
			.param("step", "confirm")
			.with(user(bob()))
			.with(csrf())).hasStatus3xxRedirection();
	}

}
