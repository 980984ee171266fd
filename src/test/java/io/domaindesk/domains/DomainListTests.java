package io.domaindesk.domains;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The domain list on a real PostgreSQL: search, filters, sort, paging, export and the
 * tenant boundary, on an agency of its own so that other tests' syncs do not move the
 * counts.
 */
@IntegrationTest
class DomainListTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	private DeskPrincipal staff;

	private long agencyId;

	@BeforeEach
	void agencyWithDomains() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.agencyId = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "List test " + suffix)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Lister', '{noop}x', 'STAFF')
				""").param("a", this.agencyId).param("u", "lister-" + suffix).update();
		long account = this.jdbc.sql("""
				insert into ovh_account (agency_id, label, endpoint, application_key)
				values (:a, 'OVHcloud', 'http://127.0.0.1:9/1.0', 'unreachable') returning id
				""").param("a", this.agencyId).query(Long.class).single();
		insert(account, "xn--caf-dma.fr", "ok", 10, "ab11111-ovh", "ab11111-ovh", "cd22222-ovh", "Hélène D'Arcy", 0);
		insert(account, "exemple.com", "ok", 200, "ab11111-ovh", "ef33333-ovh", "ab11111-ovh", "=HYPERLINK(\"x\")", 1);
		insert(account, "studio.eu", "expired", 400, "gh44444-ovh", "ab11111-ovh", "gh44444-ovh",
				"<script>alert(1)</script>", 0);
		for (int i = 0; i < 27; i++) {
			insert(account, String.format("bulk-%02d.net", i), "ok", 100 + i, "zz99999-ovh", "zz99999-ovh",
					"zz99999-ovh", "Bulk Owner", 0);
		}
		this.staff = this.users.findByUsername("lister-" + suffix).orElseThrow();
	}

	@Test
	void searchIgnoresCaseAndAccentsOnBothForms() {
		assertThat(list("/domains?q=café")).bodyText()
			.contains("café.fr")
			.contains("xn--caf-dma.fr")
			.contains("1–1 of 1 domains");
		assertThat(list("/domains?q=CAFE")).bodyText().contains("café.fr");
		assertThat(list("/domains?q=xn--caf")).bodyText().contains("café.fr");
		assertThat(list("/domains?q=nothing-like-this")).bodyText().contains("No domain matches these filters");
	}

	/**
	 * The row's checkbox follows the user's role, asked once for the page: staff tick
	 * domains for a bulk change, an auditor of the same agency reads the same rows
	 * without any.
	 */
	@Test
	void rowsHaveTheirCheckboxForStaffAndNoneForAnAuditor() throws Exception {
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Reader', '{noop}x', 'AUDITOR')
				""").param("a", this.agencyId).param("u", auditor).update();
		String staffPage = list("/domains?q=bulk").getResponse().getContentAsString();
		assertThat(staffPage).contains("1–25 of 27 domains");
		assertThat(StringUtils.countOccurrencesOf(staffPage, "name=\"names\"")).as("checkboxes for staff")
			.isEqualTo(25);
		DeskPrincipal reader = this.users.findByUsername(auditor).orElseThrow();
		MvcTestResult read = this.mvc.get().uri("/domains?q=bulk").with(user(reader)).exchange();
		assertThat(read).hasStatusOk().bodyText().contains("1–25 of 27 domains").contains("bulk-00.net");
		assertThat(StringUtils.countOccurrencesOf(read.getResponse().getContentAsString(), "name=\"names\""))
			.as("checkboxes for an auditor")
			.isZero();
	}

	@Test
	void nichandleFilterRespectsTheRole() {
		assertThat(list("/domains?nic=ab11111-ovh")).bodyText().contains("1–3 of 3 domains");
		assertThat(list("/domains?nic=AB11111-ovh&role=admin")).bodyText()
			.contains("1–2 of 2 domains")
			.doesNotContain("studio.eu");
		assertThat(list("/domains?nic=ab11111-ovh&role=tech")).bodyText()
			.contains("studio.eu")
			.contains("1–2 of 2 domains");
		assertThat(list("/domains?nic=ab11111-ovh&role=billing")).bodyText()
			.contains("exemple.com")
			.contains("1–1 of 1 domains");
	}

	@Test
	void tldStateExpiryAndPendingFilters() {
		assertThat(list("/domains?tld=.eu")).bodyText().contains("studio.eu").contains("1–1 of 1 domains");
		assertThat(list("/domains?state=expired")).bodyText().contains("studio.eu").contains("1–1 of 1 domains");
		assertThat(list("/domains?expiresWithin=30")).bodyText().contains("café.fr").contains("1–1 of 1 domains");
		assertThat(list("/domains?pending=true")).bodyText().contains("exemple.com").contains("1–1 of 1 domains");
	}

	@Test
	void pagingAndSorting() throws Exception {
		assertThat(list("/domains")).bodyText().contains("1–25 of 30 domains").contains("Page 1 of 2");
		assertThat(list("/domains?page=2")).bodyText().contains("26–30 of 30 domains");
		assertThat(list("/domains?size=50")).bodyText().contains("1–30 of 30 domains");
		// A page beyond the end shows the last page rather than nothing.
		assertThat(list("/domains?page=9")).bodyText().contains("26–30 of 30 domains");
		String byExpiryDesc = list("/domains?sort=expiry&dir=desc").getResponse().getContentAsString();
		assertThat(byExpiryDesc.indexOf("studio.eu")).isLessThan(byExpiryDesc.indexOf("exemple.com"));
		assertThat(byExpiryDesc.indexOf("exemple.com")).isLessThan(byExpiryDesc.indexOf("bulk-26.net"));
	}

	@Test
	void hostileValuesAreShownAsText() {
		assertThat(list("/domains?q=studio")).bodyText()
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void htmxLiveSearchGetsOnlyTheResults() {
		MvcTestResult result = this.mvc.get()
			.uri("/domains?q=studio")
			.header("HX-Request", "true")
			.with(user(this.staff))
			.exchange();
		assertThat(result).hasStatusOk().bodyText().contains("id=\"results\"").doesNotContain("<nav class=\"navbar");
	}

	/**
	 * Typing fast fires a request per pause: a new one aborts the one in flight
	 * ({@code hx-sync} replace), so a slow answer to "ca" can never land after the answer
	 * to "cafe" and show the wrong list.
	 */
	@Test
	void liveSearchShowsOnlyTheLatestAnswer() {
		assertThat(list("/domains")).bodyText().containsPattern("<form id=\"filters\"[^>]*hx-sync=\"this:replace\"");
	}

	@Test
	void keysetPagesReachTheLastPageFromTheOtherEnd() {
		assertThat(list("/domains?last=true")).bodyText()
			.contains("studio.eu")
			.contains("25 of 30 domains")
			.doesNotContain("bulk-04.net");
		assertThat(list("/domains?after=bulk-24.net")).bodyText()
			.contains("bulk-25.net")
			.contains("bulk-26.net")
			.contains("5 of 30 domains")
			.doesNotContain("bulk-23.net");
		// Reaching the top from below shows the first page, full.
		assertThat(list("/domains?before=bulk-02.net")).bodyText().contains("1–25 of 30 domains");
		// From the bottom: the 25 rows just before the last, neither the first nor the
		// last page.
		assertThat(list("/domains?before=studio.eu")).bodyText()
			.contains("bulk-04.net")
			.contains("exemple.com")
			.doesNotContain("bulk-03.net");
	}

	@Test
	void anotherAgencySeesNoneOfIt() {
		// The same three requests show the domains to their own agency: what carol misses
		// below is there to be missed.
		assertThat(this.mvc.get().uri("/domains?q=bulk-0").with(user(this.staff))).hasStatusOk()
			.bodyText()
			.contains("bulk-01.net");
		assertThat(this.mvc.get().uri("/domains/xn--caf-dma.fr").with(user(this.staff))).hasStatusOk()
			.bodyText()
			.contains("café.fr");
		assertThat(this.mvc.get().uri("/domains/export?format=csv&q=bulk").with(user(this.staff))).hasStatusOk()
			.bodyText()
			.contains("bulk-01.net");
		DeskPrincipal carol = this.users.findByUsername("carol").orElseThrow();
		assertThat(this.mvc.get().uri("/domains?q=bulk-0").with(user(carol))).hasStatusOk()
			.bodyText()
			.doesNotContain("bulk-01.net");
		assertThat(this.mvc.get().uri("/domains/xn--caf-dma.fr").with(user(carol))).hasStatus(404);
		assertThat(this.mvc.get().uri("/domains/export?format=csv&q=bulk").with(user(carol))).hasStatusOk()
			.bodyText()
			.doesNotContain("bulk-01.net");
	}

	@Test
	void csvExportIsFilteredNeutralisedAndAudited() throws Exception {
		MvcTestResult result = this.mvc.get()
			.uri("/domains/export?format=csv&nic=ab11111-ovh&columns=name&columns=ownerName&columns=contactAdmin")
			.with(user(this.staff))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.matches("attachment; filename=\"domains-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
		String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFFname,contactAdmin,ownerName");
		assertThat(lines).hasSize(4);
		assertThat(csv).contains("'=HYPERLINK(\"\"x\"\")").contains("Hélène D'Arcy").doesNotContain("bulk-");
		assertThat(this.jdbc.sql("""
				select details ->> 'rows' from audit_event
				where agency_id = :a and action = 'domains.export' order by id desc limit 1
				""").param("a", this.agencyId).query(String.class).single()).isEqualTo("3");
	}

	@Test
	void xlsxExportHoldsTheFilteredRows() throws IOException {
		MvcTestResult result = this.mvc.get()
			.uri("/domains/export?format=xlsx&q=exemple")
			.with(user(this.staff))
			.exchange();
		assertThat(result).hasStatusOk();
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			List<Row> all = rows.toList();
			assertThat(all).hasSize(2);
			assertThat(all.get(0).getCellText(0)).isEqualTo("name");
			assertThat(all.get(1).getCellText(0)).isEqualTo("exemple.com");
			assertThat(all.get(1).getCellText(12)).isEqualTo("'=HYPERLINK(\"x\")");
		}
	}

	@Test
	void domainPageShowsNichandlesAndOwnerFromTheInventoryWhenOvhcloudIsUnreachable() {
		assertThat(this.mvc.get().uri("/domains/café.fr").with(user(this.staff))).hasStatusOk()
			.bodyText()
			.contains("ab11111-ovh")
			.contains("cd22222-ovh")
			.contains("Hélène D&#39;Arcy")
			.contains("OVHcloud did not answer");
	}

	private MvcTestResult list(String uri) {
		return this.mvc.get().uri(uri).with(user(this.staff)).exchange();
	}

	private void insert(long account, String name, String state, int expiresInDays, String admin, String tech,
			String billing, String owner, int pending) {
		String unicode = DomainNames.toUnicode(name);
		this.jdbc.sql("""
				insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, state, expires_at,
				  contact_admin, contact_tech, contact_billing, owner_contact_id, owner_name, pending_operations,
				  last_synced_at, search_text)
				values (:agency, :account, :name, :unicode, :tld, :state, :expires, :admin, :tech, :billing, '1',
				  :owner, :pending, now(), :search)
				""")
			.param("agency", this.agencyId)
			.param("account", account)
			.param("name", name)
			.param("unicode", unicode)
			.param("tld", DomainNames.tld(name))
			.param("state", state)
			.param("expires", java.sql.Timestamp.from(Instant.now().plus(expiresInDays, ChronoUnit.DAYS)))
			.param("admin", admin)
			.param("tech", tech)
			.param("billing", billing)
			.param("owner", owner)
			.param("pending", pending)
			.param("search", DomainNames.searchText(name, unicode))
			.update();
	}

}
