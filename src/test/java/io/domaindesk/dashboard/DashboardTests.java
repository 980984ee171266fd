package io.domaindesk.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * {@code /admin} shows figures computed from seeded rows, each linking to the list behind
 * it; the platform admin sees the agencies side by side.
 */
@IntegrationTest
class DashboardTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	AuditLog audit;

	private long agencyId;

	private String name;

	private DeskPrincipal admin;

	@BeforeEach
	void agencyWithDomainsSyncAndEvents() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.name = "Dashboard test " + suffix;
		this.agencyId = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", this.name)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Boss', '{noop}x', 'AGENCY_ADMIN')
				""").param("a", this.agencyId).param("u", "boss-" + suffix).update();
		this.admin = this.users.findByUsername("boss-" + suffix).orElseThrow();
		long account = this.jdbc.sql("""
				insert into ovh_account (agency_id, label, endpoint, application_key)
				values (:a, 'OVHcloud', 'http://127.0.0.1:9/1.0', 'unreachable') returning id
				""").param("a", this.agencyId).query(Long.class).single();
		domain(account, "a.fr", "ok", 10, false);
		domain(account, "b.fr", "ok", 45, false);
		domain(account, "c.fr", "ok", 80, false);
		domain(account, "d.fr", "ok", 200, false);
		domain(account, "e.fr", "expired", -5, false);
		domain(account, "gone.fr", "ok", 5, true);
		this.jdbc.sql("""
				insert into sync_run (agency_id, status, trigger, finished_at, error_message, error_query_id)
				values (:a, 'FAILED', 'MANUAL', now(), 'OVHcloud said no', 'EU.ext-9.sync')
				""").param("a", this.agencyId).update();
		event("contact.change", AuditOutcome.FAILURE, "EU.ext-1.q");
		event("contact.change", AuditOutcome.FAILURE, null);
		event("trade.order", AuditOutcome.UNKNOWN, "EU.ext-2.q");
		event("domain.refresh", AuditOutcome.SUCCESS, "EU.ext-3.q");
	}

	@Test
	void anAgencyAdminSeesTheFiguresAndTheirLinks() {
		assertThat(this.mvc.get().uri("/admin").with(user(this.admin))).hasStatusOk()
			.bodyText()
			.contains(this.name)
			.contains("Domains by state (5)")
			.containsPattern("data-figure=\"state-ok\">\\s*<span>ok</span><span>4</span>")
			.containsPattern("href=\"/domains\\?state=expired\"[^>]*>\\s*<span>expired</span><span>1</span>")
			// Within 30 days counts the expired one too, as /domains?expiresWithin=30
			// does.
			.containsPattern("href=\"/domains\\?expiresWithin=30\"[^>]*>\\s*<span>Within 30 days</span><span>2</span>")
			.containsPattern("href=\"/domains\\?expiresWithin=60\"[^>]*>\\s*<span>Within 60 days</span><span>3</span>")
			.containsPattern("href=\"/domains\\?expiresWithin=90\"[^>]*>\\s*<span>Within 90 days</span><span>4</span>")
			.contains("href=\"/sync\"")
			.contains("Failed")
			.contains("OVHcloud said no")
			.contains("EU.ext-9.sync")
			.containsPattern("href=\"/audit\\?outcome=FAILURE&amp;from=[0-9-]+\"[^>]*>2 failed actions")
			.containsPattern("href=\"/audit\\?outcome=UNKNOWN&amp;from=[0-9-]+\"[^>]*>1 actions with unknown outcome")
			.contains("1 failed of 3 audited calls")
			.contains("trade.order")
			.contains("width: 80%")
			.doesNotContain("gone.fr");
	}

	@Test
	void thePlatformAdminSeesAgenciesSideBySide() throws Exception {
		DeskPrincipal root = this.users.findByUsername("root").orElseThrow();
		String body = this.mvc.get().uri("/admin").with(user(root)).exchange().getResponse().getContentAsString();
		assertThat(body).contains("id=\"agency-" + this.agencyId + "\"")
			.contains("Agence Exemple")
			.contains("Studio Nord")
			.contains(this.name)
			.contains("col-lg-6")
			// The lists behind the figures belong to the agencies: no links for the
			// platform admin.
			.doesNotContain("href=\"/domains?state=");
	}

	@Test
	void staffAndAuditorsHaveNoDashboard() {
		assertThat(this.mvc.get().uri("/admin").with(user(this.users.findByUsername("bob").orElseThrow())))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/admin").with(user(this.users.findByUsername("dora").orElseThrow())))
			.hasStatus(403);
	}

	private void event(String action, AuditOutcome outcome, String queryId) {
		this.audit.recordAs("boss", "AGENCY_ADMIN",
				new AuditEntry(this.agencyId, action, "a.fr", Map.of(), outcome, queryId));
	}

	private void domain(long account, String name, String state, int expiresInDays, boolean gone) {
		this.jdbc.sql("""
				insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, state, expires_at, gone_at,
				  search_text)
				values (:agency, :account, :name, :name, 'fr', :state, :expires, :gone, :name)
				""")
			.param("agency", this.agencyId)
			.param("account", account)
			.param("name", name)
			.param("state", state)
			.param("expires", java.sql.Timestamp.from(Instant.now().plus(expiresInDays, ChronoUnit.DAYS)))
			.param("gone", gone ? java.sql.Timestamp.from(Instant.now()) : null)
			.update();
	}

}
