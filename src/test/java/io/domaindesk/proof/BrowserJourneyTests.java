package io.domaindesk.proof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a member of an agency does all day, in a real Chromium against the whole
 * application on its port: log in, sync, search and filter, open a domain, change its
 * nichandles alone or in bulk and follow the change to the end with the e-mailed tokens,
 * export the audit trail, switch language; and the sandbox's hostile owner names never
 * run as script. Screenshots of a failed step land in {@code target/browser-screenshots}.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class BrowserJourneyTests {

	private static final Duration SLOW = Duration.ofSeconds(60);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SandboxControl sandbox;

	@LocalServerPort
	int port;

	private long agency;

	@BeforeEach
	void pointAt(Browser browser) {
		browser.base(this.port);
		this.agency = this.jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
	}

	@AfterEach
	void healSandbox() {
		this.sandbox.clearFaults();
	}

	@Test
	@Order(1)
	void staffLogsInAndLandsOnTheDomainList(Browser browser) {
		browser.open("/");
		assertThat(browser.path()).startsWith("/login");
		browser.type("#username", "bob");
		browser.type("#password", "demo-password");
		browser.find("#password").submit();
		browser.await(d -> browser.path().startsWith("/domains"));
		assertThat(browser.find("h1").getText()).isEqualTo("Domains");
		assertThat(browser.find("nav.navbar").getText()).contains("Agence Exemple");
	}

	@Test
	@Order(2)
	void syncNowRunsToTheEndWhileTheProgressIsShown(Browser browser) {
		browser.loginAs("bob");
		long before = this.jdbc.sql("select coalesce(max(id), 0) from sync_run where agency_id = :a")
			.param("a", this.agency)
			.query(Long.class)
			.single();
		browser.open("/domains");
		browser.button("Sync now").click();
		browser.await(d -> browser.path().startsWith("/domains") && !browser.all(".alert").isEmpty());
		browser.open("/sync");
		// htmx polls the progress fragment every second until the run is over.
		browser.await(SLOW, d -> !browser.all("#sync-progress .alert-success, #sync-progress .alert-danger").isEmpty());
		assertThat(browser.find("#sync-progress").getText()).contains("domains synced");
		assertThat(this.jdbc.sql("select status from sync_run where agency_id = :a and id > :b order by id limit 1")
			.param("a", this.agency)
			.param("b", before)
			.query(String.class)
			.optional()).as("a run started by the button").hasValue("DONE");
	}

	@Test
	@Order(3)
	void liveSearchUpdatesTheResultsInPlaceAndPushesTheUrl(Browser browser) {
		ensureInventory(browser);
		String target = freeDomains(1, "desc").get(0);
		String term = target.substring(0, target.lastIndexOf('.'));
		browser.loginAs("bob");
		browser.open("/domains");
		WebElement heading = browser.find("h1");
		String countBefore = browser.find("#results p[role=status]").getText();

		browser.find("#q").sendKeys(term);
		browser.await(d -> browser.path().contains("q=" + term));
		browser.await(d -> !browser.find("#results p[role=status]").getText().equals(countBefore));

		// No page load: an element from before the search is still attached.
		assertThat(heading.isDisplayed()).isTrue();
		assertThat(browser.find("#q").getAttribute("value")).isEqualTo(term);
		assertThat(domainNamesShown(browser)).contains(target).allSatisfy(n -> assertThat(n).contains(term));
	}

	@Test
	@Order(4)
	void filtersByNichandleAndRoleThenByTld(Browser browser) {
		ensureInventory(browser);
		// A domain of this test's own whose tech nichandle is not its admin: the filters
		// must find it, and only domains like it.
		String domain = DemoInventory
			.claimFirst(this.agency, freeCandidates("asc", "d.contact_tech <> d.contact_admin"), 1)
			.get(0);
		Map<String, Object> sample = this.jdbc
			.sql("select contact_tech, tld from domain where agency_id = :a and name = :n")
			.param("a", this.agency)
			.param("n", domain)
			.query()
			.singleRow();
		String nic = (String) sample.get("contact_tech");
		String tld = (String) sample.get("tld");
		browser.loginAs("bob");
		browser.open("/domains");

		browser.type("#nic", nic);
		new Select(browser.find("#role")).selectByValue("tech");
		browser.await(d -> browser.path().contains("nic=" + nic) && browser.path().contains("role=tech"));
		browser.await(d -> columnShown(browser, 6).stream().allMatch(nic::equals));
		assertThat(columnShown(browser, 6)).isNotEmpty();

		new Select(browser.find("#tld")).selectByValue(tld);
		browser.await(d -> browser.path().contains("tld=" + tld));
		browser.await(d -> domainNamesShown(browser).stream().allMatch(n -> n.endsWith("." + tld)));
		assertThat(domainNamesShown(browser)).isNotEmpty();
		assertThat(columnShown(browser, 6)).containsOnly(nic);
		long expected = this.jdbc.sql("""
				select count(*) from domain
				where agency_id = :a and gone_at is null and contact_tech = :n and tld = :t
				""").param("a", this.agency).param("n", nic).param("t", tld).query(Long.class).single();
		assertThat(browser.find("#results p[role=status]").getText()).endsWith("of " + expected + " domains");
		if (expected <= 25) {
			assertThat(domainNamesShown(browser)).contains(domain);
		}
	}

	@Test
	@Order(5)
	void aDomainPageShowsItsNichandlesBesideTheOwner(Browser browser) {
		ensureInventory(browser);
		String domain = freeDomains(1, "desc").get(0);
		Map<String, Object> row = this.jdbc.sql("select * from domain where agency_id = :a and name = :n")
			.param("a", this.agency)
			.param("n", domain)
			.query()
			.singleRow();
		browser.loginAs("bob");
		browser.open("/domains?q=" + domain);
		browser.driver().findElement(By.linkText(domain)).click();
		browser.await(d -> browser.path().equals("/domains/" + domain));

		assertThat(browser.find("#contact-admin").getText()).isEqualTo(row.get("contact_admin"));
		assertThat(browser.find("#contact-tech").getText()).isEqualTo(row.get("contact_tech"));
		assertThat(browser.find("#contact-billing").getText()).isEqualTo(row.get("contact_billing"));
		WebElement nichandles = browser.find("#contact-admin")
			.findElement(By.xpath("ancestor::div[@class='card h-100']"));
		WebElement owner = browser.find("#owner-card");
		assertThat(owner.getText()).contains("Owner");
		// Beside, not below: same line, nichandles on the left (wide window).
		assertThat(owner.getLocation().getY()).isEqualTo(nichandles.getLocation().getY());
		assertThat(owner.getLocation().getX()).isGreaterThan(nichandles.getLocation().getX());
	}

	@Test
	@Order(6)
	void aSingleChangeIsCheckedConfirmedAcceptedWithTheMailedTokensAndFollowedToDone(Browser browser) {
		ensureInventory(browser);
		String domain = freeDomains(1, "desc").get(0);
		String newTech = otherTech(List.of(domain));
		browser.loginAs("bob");
		browser.open("/domains/" + domain);
		browser.button("Change nichandles").click();
		browser.await(d -> browser.path().equals("/domains/" + domain + "/nic-change"));
		browser.type("#contactTech", newTech);
		browser.button("Check").click();
		browser.await(d -> !browser.all("#preview").isEmpty());
		assertThat(browser.find("#preview").getText()).contains(newTech).contains("7 days");
		browser.button("Confirm and send to OVHcloud").click();
		browser.await(d -> browser.path().startsWith("/nic-changes"));
		assertThat(browser.find(".alert-success").getText()).contains("sent to OVHcloud");

		WebElement row = browser.await(d -> browser.all("tr[id^=task-]").stream().findFirst().orElse(null));
		long taskId = Long.parseLong(row.getAttribute("id").substring("task-".length()));

		// The tokens, as the parties read them in their mail.
		browser.open("/ovh-sandbox/mailbox");
		List<String> tokens = new ArrayList<>();
		for (WebElement mail : browser.all("tbody tr")) {
			List<WebElement> cells = mail.findElements(By.tagName("td"));
			if (cells.get(3).getText().equals(Long.toString(taskId)) && !cells.get(4).getText().isBlank()) {
				tokens.add(cells.get(4).getText().strip());
			}
		}
		assertThat(tokens).as("tokens mailed for task %d", taskId).hasSizeGreaterThanOrEqualTo(2);

		for (String token : tokens) {
			browser.open("/nic-changes?state=all&q=" + domain);
			browser.type("#token-" + taskId, token);
			browser.find("#task-" + taskId).findElement(By.xpath(".//button[normalize-space()='Accept']")).click();
			browser.await(d -> !browser.all(".alert").isEmpty());
			assertThat(browser.find(".alert").getText()).contains("accepted");
		}

		// OVHcloud checks and applies the change some minutes later.
		this.sandbox.advanceClock(Duration.ofMinutes(10));
		browser.await(SLOW, d -> {
			browser.open("/nic-changes");
			browser.button("Refresh from OVHcloud").click();
			browser.open("/nic-changes?state=all&q=" + domain);
			return browser.find("#task-" + taskId).getText().contains("done");
		});
		browser.open("/domains/" + domain);
		assertThat(browser.find("#contact-tech").getText()).isEqualTo(newTech);
	}

	@Test
	@Order(7)
	void aBulkChangeOfTickedDomainsRunsToOneHundredPercent(Browser browser) {
		ensureInventory(browser);
		List<String> free = freeCandidates("asc", "true");
		// Three domains of this test's own, on one page of the list (in its own order).
		List<String> listed = this.jdbc.sql("""
				select name from domain where agency_id = :a and gone_at is null
				order by unicode_name asc nulls last, name asc
				""").param("a", this.agency).query(String.class).list();
		int page = 0;
		List<String> mine = new ArrayList<>();
		for (int p = 0; p * 100 < listed.size() && mine.size() < 3; p++) {
			mine.clear();
			for (String name : listed.subList(p * 100, Math.min(listed.size(), (p + 1) * 100))) {
				if (mine.size() < 3 && free.contains(name) && DemoInventory.claim(this.agency, name)) {
					mine.add(name);
				}
			}
			page = p + 1;
		}
		assertThat(mine).as("free domains reserved on page %d", page).hasSize(3);
		browser.loginAs("bob");
		List<String> ticked = new ArrayList<>();
		browser.open("/domains?size=100&page=" + page);
		for (WebElement box : browser.all("input[name=names]")) {
			if (mine.contains(box.getAttribute("value"))) {
				browser.click(box);
				ticked.add(box.getAttribute("value"));
			}
		}
		assertThat(ticked).as("the reserved domains, ticked").containsExactlyInAnyOrderElementsOf(mine);
		String newTech = otherTech(ticked);
		browser.button("Change nichandles of the ticked domains").click();
		browser.await(d -> browser.path().startsWith("/nic-changes/bulk"));
		assertThat(browser.text()).contains("3 domains");
		browser.type("#contactTech", newTech);
		browser.button("Pre-flight").click();
		browser.await(d -> !browser.all("#preflight").isEmpty());
		assertThat(browser.find("#preflight").getText()).contains(ticked.get(0)).contains(newTech);
		browser.button("Confirm and send 3 changes").click();
		browser.await(d -> browser.path().matches("/batches/\\d+"));
		long batchId = Long.parseLong(browser.path().substring("/batches/".length()));

		// htmx polls the progress every 2 s while the batch runs.
		browser.await(SLOW, d -> browser.find("#batch-progress .progress-bar").getText().equals("100%"));
		assertThat(browser.find("#batch-progress .progress").getAttribute("aria-valuenow")).isEqualTo("100");
		assertThat(this.jdbc.sql("select domain_name || ':' || status from nic_change where batch_id = :b")
			.param("b", batchId)
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(ticked.stream().map(n -> n + ":SUBMITTED").toList());
	}

	@Test
	@Order(8)
	void anAgencyAdminDownloadsTheAuditTrailAsCsv(Browser browser) throws IOException {
		browser.loginAs("alice");
		browser.open("/audit");
		assertThat(browser.find("h1").getText()).isNotBlank();
		browser.driver().findElement(By.xpath("//a[normalize-space()='CSV']")).click();
		Path file = browser.await(Duration.ofSeconds(30), d -> downloaded(browser.downloads(), ".csv"));
		String csv = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(file.getFileName().toString()).startsWith("audit-");
		assertThat(csv.lines().count()).isGreaterThan(1);
		// alice's own login is in the trail she exported.
		assertThat(csv).contains("alice").contains("login.success");
	}

	@Test
	@Order(9)
	void theLanguageSwitchTranslatesThePageAndKeepsTheFilters(Browser browser) {
		ensureInventory(browser);
		String tld = this.jdbc.sql("select min(tld) from domain where agency_id = :a")
			.param("a", this.agency)
			.query(String.class)
			.single();
		browser.loginAs("bob");
		browser.open("/domains?tld=" + tld + "&state=ok&lang=en");
		assertThat(browser.find("h1").getText()).isEqualTo("Domains");

		switchLanguage(browser, "Language", "Français");
		browser.await(d -> browser.find("h1").getText().equals("Domaines"));
		assertThat(browser.path()).contains("tld=" + tld).contains("state=ok").contains("lang=fr");
		assertThat(new Select(browser.find("#tld")).getFirstSelectedOption().getAttribute("value")).isEqualTo(tld);
		assertThat(browser.button("Synchroniser").isDisplayed()).isTrue();
		// Remembered: the next page is French too, without the parameter.
		browser.open("/nic-changes");
		assertThat(browser.find("nav.navbar").getText()).contains("Langue");

		browser.open("/domains?tld=" + tld + "&state=ok");
		switchLanguage(browser, "Langue", "English");
		browser.await(d -> browser.find("h1").getText().equals("Domains"));
		assertThat(browser.path()).contains("tld=" + tld).contains("state=ok").contains("lang=en");
	}

	@Test
	@Order(10)
	void hostileOwnerNamesAreShownAsTextAndNeverRun(Browser browser) {
		ensureInventory(browser);
		List<Map<String, Object>> hostile = this.jdbc.sql("""
				select name, coalesce(owner_name, '') || ' ' || coalesce(owner_organisation, '') as owner,
				  coalesce(owner_name, '') as owner_name, coalesce(owner_organisation, '') as owner_organisation
				from domain where agency_id = :a and gone_at is null
				  and (owner_name ~ '[<>]' or owner_organisation ~ '[<>]')
				order by name
				""").param("a", this.agency).query().listOfRows();
		assertThat(hostile).as("the sandbox seeds markup in some owner names").isNotEmpty();
		browser.loginAs("bob");

		// Every page of the list, every hostile domain's page.
		for (int page = 1; page <= 3; page++) {
			browser.open("/domains?size=100&page=" + page);
			browser.assertNoDialog();
			assertThat(browser.all("img[src='x'], svg[onload], script:not([src])")).isEmpty();
		}
		for (Map<String, Object> row : hostile) {
			String name = (String) row.get("name");
			String markup = ((String) row.get("owner")).strip();
			browser.open("/domains?q=" + name);
			browser.assertNoDialog();
			// The list writes a company as "organisation (name)", a person as the name:
			// each part must be there as text, whatever the order.
			String results = browser.find("#results").getText();
			assertThat(results).contains(((String) row.get("owner_name")).strip())
				.contains(((String) row.get("owner_organisation")).strip());
			browser.open("/domains/" + name);
			browser.assertNoDialog();
			assertThat(browser.all("img[src='x'], svg[onload], script:not([src])")).isEmpty();
			assertThat(browser.text()).contains(hostileFragment(markup));
		}
	}

	private void ensureInventory(Browser browser) {
		if (this.jdbc.sql("select count(*) from domain where agency_id = :a")
			.param("a", this.agency)
			.query(Long.class)
			.single() == 0) {
			syncNowRunsToTheEndWhileTheProgressIsShown(browser);
		}
	}

	/** The part of an owner text that holds the markup. */
	private static String hostileFragment(String owner) {
		return Stream.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>")
			.filter(owner::contains)
			.findFirst()
			.orElse(owner);
	}

	private static void switchLanguage(Browser browser, String menu, String language) {
		browser.driver()
			.findElement(By.xpath("//a[contains(@class,'dropdown-toggle')][normalize-space()='" + menu + "']"))
			.click();
		WebElement item = browser.await(d -> {
			WebElement link = browser.driver().findElement(By.linkText(language));
			return link.isDisplayed() ? link : null;
		});
		item.click();
	}

	private static List<String> domainNamesShown(Browser browser) {
		return columnShown(browser, 2);
	}

	private static List<String> columnShown(Browser browser, int column) {
		List<String> values = new ArrayList<>();
		for (WebElement cell : browser.all("#results tbody tr td:nth-child(" + column + ") > a")) {
			values.add(cell.getText());
		}
		return values;
	}

	private static Path downloaded(Path directory, String extension) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(f -> f.getFileName().toString().endsWith(extension)).findFirst().orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Domains of the agency with no change in flight, administered by the agency itself,
	 * in state ok (what a change can be started on), plain ASCII, reserved for this test
	 * whatever ran before.
	 */
	private List<String> freeDomains(int count, String order) {
		return DemoInventory.claimFirst(this.agency, freeCandidates(order, "true"), count);
	}

	/**
	 * Domains such as {@link #freeDomains} hands out, meeting this further condition, in
	 * name order, before any is reserved.
	 */
	private List<String> freeCandidates(String order, String condition) {
		return this.jdbc
			.sql("""
					select d.name from domain d
					where d.agency_id = :a and d.state = 'ok' and d.gone_at is null and d.contact_admin = 'ae1000-ovh'
					  and d.pending_operations = 0 and d.name not like 'fixture-%' and d.name = d.unicode_name
					  and not exists (select 1 from nic_change c where c.domain_name = d.name)
					  and not exists (select 1 from contact_change_task t where t.domain_name = d.name)
					  and not exists (select 1 from trade t where t.domain_name = d.name)
					  and not exists (select 1 from audit_event e where e.target_domain = d.name and e.action like 'owner.%')
					  and not exists (select 1 from ovh_sandbox.object o where o.kind = 'contactChange' and o.ref = d.name)
					  and ("""
					+ condition + """
							)
							order by d.name""" + ("desc".equals(order) ? " desc" : " asc"))
			.param("a", this.agency)
			.query(String.class)
			.list();
	}

	/**
	 * A nichandle known to OVHcloud that is neither the tech nor the admin of these
	 * domains.
	 */
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
