package io.domaindesk.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.BrowserSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Benchmarks of the domain inventory, run by {@code ./mvnw -Pbench verify} only. The
 * sandbox gets a third account with 20,000 domains for the sync benchmark; the list
 * benchmark loads 100,000 domains into an agency of its own.
 */
@BenchContext
class InventoryBenchmarks {

	static final int LIST_DOMAINS = 100_000;

	static final String PASSWORD = "bench passphrase 2026";

	@LocalServerPort
	int port;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	io.domaindesk.infrastructure.SecretCipher cipher;

	@Test
	void firstPageOfOneHundredThousandDomainsWithSearchFilterAndSort() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long agency = agency("Bench list " + suffix);
		long account = account(agency, "ovh-eu", "unused", null, null);
		DeskPrincipal staff = staff(agency, "bench-list-" + suffix);
		long loadStart = System.nanoTime();
		this.jdbc.sql("""
				insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, state, expires_at,
				  contact_admin, contact_tech, contact_billing, owner_contact_id, owner_name, pending_operations,
				  last_synced_at, search_text)
				select :a, :acc, n, n, t, case when i % 20 = 0 then 'expired' else 'ok' end,
				  now() + (i % 700) * interval '1 day', 'ab' || (10000 + i % 50) || '-ovh',
				  'cd' || (20000 + i % 300) || '-ovh', 'ab' || (10000 + i % 50) || '-ovh', (i % 5000)::text,
				  'Owner ' || (i % 5000), 0, now(), n
				from (select i, w || '-' || i || '.' || t as n, t
				      from generate_series(1, :count) i,
				      lateral (select (array['atelier', 'boulangerie', 'cafe', 'studio', 'agence', 'garage', 'hotel',
				                             'pharmacie', 'ecole', 'jardin'])[1 + i % 10] as w,
				                      (array['fr', 'com', 'net', 'eu', 'be'])[1 + (i / 10) % 5] as t) x) g
				""").param("a", agency).param("acc", account).param("count", LIST_DOMAINS).update();
		this.jdbc.sql("analyze domain").update();
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

		BenchReport report = new BenchReport().put("domains", LIST_DOMAINS).put("loadSeconds", loadSeconds);
		// A narrow search (a name typed in part), and a broad one (a word in 10 % of the
		// names).
		measure(report, "narrow", staff, agency, "/domains?q=jardin-4&tld=fr&sort=expiry&dir=desc", "%jardin-4%", "fr",
				null);
		measure(report, "broad", staff, agency, "/domains?q=jardin&state=ok&sort=expiry", "%jardin%", null, "ok");
		report.write("inventory-list");
	}

	@Test
	void fullSyncOfTwentyThousandDomainsWithTwentyMillisecondsPerCall() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long agency = agency("Bench sync " + suffix);
		account(agency, "sandbox", "dd-bench-ak", "dd-bench-as-0123456789abcdef", "dd-bench-ck-0123456789abcdef");
		this.sandbox.addLatency("/**", 20);
		try {
			long started = System.nanoTime();
			assertThat(sync(agency)).isTrue();
			double seconds = (System.nanoTime() - started) / 1e9;
			Map<String, Object> run = this.jdbc
				.sql("select * from sync_run where agency_id = :a order by id desc limit 1")
				.param("a", agency)
				.query()
				.singleRow();
			assertThat(run.get("status")).isEqualTo("DONE");
			int domains = ((Number) run.get("done")).intValue();
			int calls = ((Number) run.get("ovh_calls")).intValue();
			// The fewest the API allows: Iceberg pages of 500, one list of owner
			// contacts, the contact changes.
			int minimum = (domains + 499) / 500 + 2;
			new BenchReport().put("domains", domains)
				.put("ovhCalls", calls)
				.put("minimumCalls", minimum)
				.put("callsRatio", (double) calls / minimum)
				.put("latencyMillisPerCall", 20)
				.put("wallSeconds", seconds)
				.write("inventory-sync");
			assertThat(domains).isGreaterThanOrEqualTo(20_000);
			assertThat((double) calls / minimum).isLessThanOrEqualTo(1.1);
		}
		finally {
			this.sandbox.clearFaults();
		}
	}

	@Autowired
	io.domaindesk.domains.InventoryBench inventoryBench;

	private boolean sync(long agency) {
		return this.inventoryBench.syncNow(agency);
	}

	/**
	 * Server time is measured from outside, over real HTTP on loopback with a logged-in
	 * session, as a browser sees it (so it includes the session read and the page
	 * rendering); the SQL alone is measured right after each page.
	 */
	private void measure(BenchReport report, String label, DeskPrincipal staff, long agency, String uri, String like,
			String tld, String state) {
		BrowserSession browser = BrowserSession.loggedIn(this.port, staff.getUsername(), PASSWORD);
		for (int i = 0; i < 30; i++) {
			browser.get(uri);
			sql(agency, like, tld, state);
		}
		int runs = 200;
		long[] page = new long[runs];
		long[] query = new long[runs];
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			var result = browser.get(uri);
			page[i] = System.nanoTime() - t0;
			assertThat(result.statusCode()).isEqualTo(200);
			long t1 = System.nanoTime();
			sql(agency, like, tld, state);
			query[i] = System.nanoTime() - t1;
		}
		double pageP95 = BenchReport.percentileMillis(page, 95);
		double queryP95 = BenchReport.percentileMillis(query, 95);
		report.put(label + "Uri", uri)
			.put(label + "PageP50Millis", BenchReport.percentileMillis(page, 50))
			.put(label + "PageP95Millis", pageP95)
			.put(label + "SqlP95Millis", queryP95)
			.put(label + "PageToSqlRatio", pageP95 / queryP95);
	}

	/**
	 * The list's two statements (count and page) alone, with the same shape as
	 * DomainSearch writes them.
	 */
	private void sql(long agency, String like, String tld, String state) {
		String where = "d.agency_id = :a and d.gone_at is null and d.search_text like :q escape '\\'"
				+ ((tld != null) ? " and d.tld = :tld" : "") + ((state != null) ? " and d.state = :state" : "");
		var count = this.jdbc.sql("select count(*) from domain d where " + where).param("a", agency).param("q", like);
		var rows = this.jdbc
			.sql("select d.* from domain d where " + where
					+ " order by d.expires_at desc nulls last, d.name desc limit 25 offset 0")
			.param("a", agency)
			.param("q", like);
		if (tld != null) {
			count = count.param("tld", tld);
			rows = rows.param("tld", tld);
		}
		if (state != null) {
			count = count.param("state", state);
			rows = rows.param("state", state);
		}
		count.query(Long.class).single();
		rows.query().listOfRows();
	}

	private long agency(String name) {
		return this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", name)
			.query(Long.class)
			.single();
	}

	private long account(long agency, String endpoint, String ak, String as, String ck) {
		return this.jdbc.sql("""
				insert into ovh_account (agency_id, label, endpoint, application_key, application_secret_enc,
				  consumer_key_enc, requests_per_minute)
				values (:a, 'OVHcloud', :e, :ak, :as, :ck, 6000) returning id
				""")
			.param("a", agency)
			.param("e", endpoint)
			.param("ak", ak)
			.param("as", this.cipher.encrypt(as))
			.param("ck", this.cipher.encrypt(ck))
			.query(Long.class)
			.single();
	}

	private DeskPrincipal staff(long agency, String username) {
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Bench', :hash, 'STAFF')
				""")
			.param("a", agency)
			.param("u", username)
			.param("hash", this.passwordEncoder.encode(PASSWORD))
			.update();
		return this.users.findByUsername(username).orElseThrow();
	}

	static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
