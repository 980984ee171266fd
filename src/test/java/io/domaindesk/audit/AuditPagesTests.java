package io.domaindesk.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * {@code /audit} and its exports on a real PostgreSQL: filters, keyset paging, the tenant
 * boundary, neutralised cells, audited exports, and an auditor who reads but changes
 * nothing. Rows are written through {@link AuditLog} into an agency of the test's own, so
 * the chain is real and other tests do not move the counts.
 */
@IntegrationTest
class AuditPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	AuditLog audit;

	private long agencyId;

	private DeskPrincipal admin;

	private DeskPrincipal auditor;

	private String suffix;

	@BeforeEach
	void agencyWithEvents() {
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
		this.agencyId = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Audit test " + this.suffix)
			.query(Long.class)
			.single();
		this.admin = member("admin", "AGENCY_ADMIN");
		this.auditor = member("auditor", "AUDITOR");
		entry("domains.export", null, AuditOutcome.SUCCESS, null, "zoe-" + this.suffix);
		entry("contact.change", "cafe.fr", AuditOutcome.FAILURE, "EU.ext-1.abc", "zoe-" + this.suffix);
		entry("contact.change", "=cmd|' /C calc'!A0", AuditOutcome.UNKNOWN, null, "=cmd-" + this.suffix);
		for (int i = 0; i < 57; i++) {
			entry("bulk.event", String.format("bulk-%02d.net", i), AuditOutcome.SUCCESS, null, "yann-" + this.suffix);
		}
	}

	@Test
	void newestFirstWithKeysetPaging() {
		String first = body("/audit");
		assertThat(first).contains("50 events on this page").contains("bulk-56.net").doesNotContain("bulk-06.net");
		assertThat(first.indexOf("bulk-56.net")).isLessThan(first.indexOf("bulk-55.net"));
		long oldestShown = this.jdbc.sql("""
				select id from audit_event where agency_id = :a order by occurred_at desc, id desc offset 49 limit 1
				""").param("a", this.agencyId).query(Long.class).single();
		assertThat(first).contains("/audit?before=" + oldestShown);
		String second = body("/audit?before=" + oldestShown);
		assertThat(second).contains("10 events on this page")
			.contains("bulk-06.net")
			.contains("cafe.fr")
			.doesNotContain("bulk-07.net")
			.contains("/audit?after=");
		assertThat(body("/audit?size=25")).contains("25 events on this page");
	}

	@Test
	void filtersByOutcomeActionUserDomainAndPeriod() {
		assertThat(body("/audit?outcome=FAILURE")).contains("1 events on this page").contains("cafe.fr");
		assertThat(body("/audit?action=contact.change")).contains("2 events on this page");
		assertThat(body("/audit?action=contact.change&outcome=unknown")).contains("1 events on this page")
			.contains("=cmd|");
		assertThat(body("/audit?user=zoe-" + this.suffix)).contains("2 events on this page");
		assertThat(body("/audit?domain=CAFE.fr")).contains("1 events on this page");
		assertThat(body("/audit?from=2000-01-01&to=2000-12-31")).contains("No event matches these filters");
		assertThat(body("/audit?from=2000-01-01&outcome=FAILURE")).contains("1 events on this page");
		// Filters stay in the URL of the export links.
		assertThat(body("/audit?outcome=FAILURE&action=contact.change"))
			.contains("/audit/export?format=csv&amp;action=contact.change&amp;outcome=FAILURE");
	}

	@Test
	void anotherAgencyNeverSeesTheseRows() {
		DeskPrincipal alice = this.users.findByUsername("alice").orElseThrow();
		assertThat(this.mvc.get().uri("/audit?user=zoe-" + this.suffix).with(user(alice))).hasStatusOk()
			.bodyText()
			.contains("No event matches these filters");
		long ours = this.jdbc.sql("select max(id) from audit_event where agency_id = :a")
			.param("a", this.agencyId)
			.query(Long.class)
			.single();
		// A cursor pointing at another agency's row starts from alice's own newest rows.
		assertThat(this.mvc.get().uri("/audit?before=" + ours).with(user(alice))).hasStatusOk()
			.bodyText()
			.doesNotContain("bulk-");
		assertThat(this.mvc.get().uri("/audit/export?format=csv&action=bulk.event").with(user(alice))).hasStatusOk()
			.bodyText()
			.doesNotContain("bulk-");
		// Staff and the platform admin do not read the trail.
		assertThat(this.mvc.get().uri("/audit").with(user(this.users.findByUsername("bob").orElseThrow())))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/audit").with(user(this.users.findByUsername("root").orElseThrow())))
			.hasStatus(403);
	}

	@Test
	void csvExportIsFilteredNeutralisedAndAudited() {
		MvcTestResult result = this.mvc.get()
			.uri("/audit/export?format=csv&action=contact.change")
			.with(user(this.auditor))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFid,seq,occurred_at,actor");
		assertThat(lines).hasSize(3);
		assertThat(csv).contains("'=cmd|")
			.contains("'=cmd-" + this.suffix)
			.contains("EU.ext-1.abc")
			.doesNotContain("bulk-");
		Map<String, Object> exported = lastExport();
		assertThat(exported.get("actor")).isEqualTo("auditor-" + this.suffix);
		assertThat(exported.get("format")).isEqualTo("csv");
		assertThat(exported.get("rows")).isEqualTo("2");
		assertThat(exported.get("filter")).isEqualTo("contact.change");
	}

	@Test
	void xlsxExportHoldsTheFilteredRows() throws IOException {
		MvcTestResult result = this.mvc.get()
			.uri("/audit/export?format=xlsx&outcome=UNKNOWN")
			.with(user(this.admin))
			.exchange();
		assertThat(result).hasStatusOk();
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			List<Row> all = rows.toList();
			assertThat(all).hasSize(2);
			assertThat(all.get(0).getCellText(6)).isEqualTo("action");
			assertThat(all.get(1).getCellText(3)).isEqualTo("'=cmd-" + this.suffix);
			assertThat(all.get(1).getCellText(7)).isEqualTo("'=cmd|' /C calc'!A0");
		}
		assertThat(lastExport().get("format")).isEqualTo("xlsx");
		assertThat(lastExport().get("rows")).isEqualTo("1");
	}

	@Test
	void pdfReportNamesTheAgencyFiltersAuthorAndChainResult() throws IOException {
		long checksBefore = this.jdbc.sql("select count(*) from audit_chain_check").query(Long.class).single();
		MvcTestResult result = this.mvc.get()
			.uri("/audit/export?format=pdf&outcome=FAILURE&from=2020-01-01")
			.with(user(this.auditor))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		PdfReader reader = new PdfReader(result.getResponse().getContentAsByteArray());
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		reader.close();
		assertThat(text).contains("Audit report: Audit test " + this.suffix)
			.contains("from 2020-01-01")
			.contains("outcome = FAILURE")
			.contains("Generated by")
			.contains("auditor-" + this.suffix)
			.contains("intact")
			.contains("cafe.fr")
			.contains("EU.ext-1.abc")
			.doesNotContain("bulk-");
		assertThat(lastExport().get("format")).isEqualTo("pdf");
		assertThat(this.jdbc.sql("select count(*) from audit_chain_check").query(Long.class).single())
			.as("a GET records no chain check")
			.isEqualTo(checksBefore);
	}

	@Test
	void theAuditorReadsAndExportsButChangesNothing() {
		assertThat(this.mvc.get().uri("/audit").with(user(this.auditor))).hasStatusOk()
			.bodyText()
			.contains("bulk-56.net")
			.doesNotContain("/audit/verify");
		assertThat(this.mvc.post().uri("/audit/verify").with(user(this.auditor)).with(csrf())).hasStatus(403);
		assertThat(this.mvc.post().uri("/sync").with(user(this.auditor)).with(csrf())).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin").with(user(this.auditor))).hasStatus(403);
	}

	@Test
	void anAdminVerifiesTheChainFromThePage() {
		assertThat(this.mvc.post().uri("/audit/verify").with(user(this.admin)).with(csrf())).hasStatus3xxRedirection()
			.hasRedirectedUrl("/audit")
			.flash()
			.containsEntry("flash", "audit.verify.intact");
		assertThat(body("/audit")).contains("Intact").contains("60 events verified");
	}

	private String body(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).with(user(this.admin)).exchange();
		assertThat(result).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> lastExport() {
		return this.jdbc.sql("""
				select actor, details ->> 'format' as format, details ->> 'rows' as rows,
				       details -> 'filters' ->> 'action' as filter
				from audit_event where agency_id = :a and action = 'audit.export' order by seq desc limit 1
				""").param("a", this.agencyId).query().singleRow();
	}

	private DeskPrincipal member(String name, String role) {
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, :d, '{noop}x', :r)
				""")
			.param("a", this.agencyId)
			.param("u", name + "-" + this.suffix)
			.param("d", name)
			.param("r", role)
			.update();
		return this.users.findByUsername(name + "-" + this.suffix).orElseThrow();
	}

	private void entry(String action, String domain, AuditOutcome outcome, String queryId, String actor) {
		this.audit.recordAs(actor, "STAFF",
				new AuditEntry(this.agencyId, action, domain, Map.of("k", "v"), outcome, queryId));
	}

}
