package io.domaindesk.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskUsers;
import io.domaindesk.bench.BenchReport;
import io.domaindesk.domains.InventoryBench;
import io.domaindesk.infrastructure.SecretCipher;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the clients cost at 100,000 domains: the grouping that runs at the end of each
 * sync, against the sync's own wall time (goal: at most +20 %), for the first sync (every
 * client created) and a later one (nothing changed), and {@code /clients}' first page
 * over real HTTP (goal: p95 ≤ 50 ms). Its own context: the sandbox gets an account of
 * 100,000 domains (whose owners are more numerous than a real agency's: about 85 % of the
 * domains have an owner contact of their own, the worst case for the grouping). Runs only
 * in {@code -Pbench}; writes {@code target/bench/clients.json}.
 */
@Tag("bench")
@IntegrationTest
@TestPropertySource(properties = { "domaindesk.sandbox.accounts[0].nichandle=ae1000-ovh",
		"domaindesk.sandbox.accounts[0].application-key=dd-demo-ak-exemple",
		"domaindesk.sandbox.accounts[0].application-secret=dd-demo-as-exemple-0123456789abcdef",
		"domaindesk.sandbox.accounts[0].consumer-key=dd-demo-ck-exemple-0123456789abcdef",
		"domaindesk.sandbox.accounts[0].domains=250", "domaindesk.sandbox.accounts[0].company-name=Agence Exemple",
		"domaindesk.sandbox.accounts[1].nichandle=sn2000-ovh",
		"domaindesk.sandbox.accounts[1].application-key=dd-demo-ak-nord",
		"domaindesk.sandbox.accounts[1].application-secret=dd-demo-as-nord-0123456789abcdef",
		"domaindesk.sandbox.accounts[1].consumer-key=dd-demo-ck-nord-0123456789abcdef",
		"domaindesk.sandbox.accounts[1].domains=40", "domaindesk.sandbox.accounts[1].company-name=Studio Nord",
		"domaindesk.sandbox.accounts[2].nichandle=cb4000-ovh",
		"domaindesk.sandbox.accounts[2].application-key=dd-clients-ak",
		"domaindesk.sandbox.accounts[2].application-secret=dd-clients-as-0123456789abcdef",
		"domaindesk.sandbox.accounts[2].consumer-key=dd-clients-ck-0123456789abcdef",
		"domaindesk.sandbox.accounts[2].domains=100000", "domaindesk.sandbox.accounts[2].company-name=Clients" })
class ClientsBenchmark {

	static final String PASSWORD = "bench passphrase 2026";

	static final int LATENCY_MILLIS = 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InventoryBench inventory;

	@Autowired
	ClientGrouping grouping;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	SecretCipher cipher;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	DeskUsers users;

	@Test
	void groupingAfterTheSyncOfOneHundredThousandDomainsAndTheFirstPageOfClients() throws IOException {
		BenchReport report = new BenchReport().put("loadAverageBefore", loadAverage());
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long agency = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Bench clients " + suffix)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into ovh_account (agency_id, label, endpoint, application_key, application_secret_enc,
				  consumer_key_enc, requests_per_minute)
				values (:a, 'OVHcloud', 'sandbox', 'dd-clients-ak', :as, :ck, 6000)
				""")
			.param("a", agency)
			.param("as", this.cipher.encrypt("dd-clients-as-0123456789abcdef"))
			.param("ck", this.cipher.encrypt("dd-clients-ck-0123456789abcdef"))
			.update();
		this.sandbox.addLatency("/**", LATENCY_MILLIS);
		try {
			// First sync: every domain is new, every client created.
			double firstSync = timed(() -> assertThat(this.inventory.syncNow(agency)).isTrue());
			long domains = count("select count(*) from domain where agency_id = :a and gone_at is null", agency);
			long owners = count("select count(distinct owner_contact_id) from domain where agency_id = :a", agency);
			long clients = count("select count(*) from client where agency_id = :a", agency);
			assertThat(domains).isEqualTo(100_000);
			assertThat(count("select count(*) from domain where agency_id = :a and client_id is null", agency))
				.isZero();
			// The same grouping from scratch, alone.
			this.jdbc.sql("update domain set client_id = null where agency_id = :a").param("a", agency).update();
			this.jdbc.sql("delete from client where agency_id = :a").param("a", agency).update();
			double firstGrouping = timed(() -> this.grouping.regroup(agency));
			// A later sync: nothing changed, the grouping reads everything and writes
			// nothing.
			double laterSync = timed(() -> assertThat(this.inventory.syncNow(agency)).isTrue());
			double laterGrouping = timed(() -> this.grouping.regroup(agency));
			report.put("domains", domains)
				.put("ownerContacts", owners)
				.put("clients", clients)
				.put("latencyMillisPerCall", LATENCY_MILLIS)
				.put("firstSyncSeconds", firstSync)
				.put("firstGroupingSeconds", firstGrouping)
				.put("firstGroupingShareOfSync", firstGrouping / (firstSync - firstGrouping))
				.put("laterSyncSeconds", laterSync)
				.put("laterGroupingSeconds", laterGrouping)
				.put("laterGroupingShareOfSync", laterGrouping / (laterSync - laterGrouping));
		}
		finally {
			this.sandbox.clearFaults();
		}

		String username = "bench-clients-" + suffix;
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Bench', :hash, 'STAFF')
				""")
			.param("a", agency)
			.param("u", username)
			.param("hash", this.passwordEncoder.encode(PASSWORD))
			.update();
		this.jdbc.sql("analyze client").update();
		this.jdbc.sql("analyze domain").update();
		BrowserSession browser = BrowserSession.loggedIn(this.port, username, PASSWORD);
		double firstPageP95 = measure(report, "firstPage", browser, "/clients");
		measure(report, "byDomains", browser, "/clients?sort=domains&dir=desc");
		measure(report, "search", browser, "/clients?q=martin");
		report.put("loadAverageAfter", loadAverage()).write("clients");
		assertThat(firstPageP95).isLessThanOrEqualTo(50);
	}

	private double measure(BenchReport report, String label, BrowserSession browser, String uri) {
		for (int i = 0; i < 30; i++) {
			browser.get(uri);
		}
		int runs = 200;
		long[] page = new long[runs];
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			var result = browser.get(uri);
			page[i] = System.nanoTime() - t0;
			assertThat(result.statusCode()).isEqualTo(200);
		}
		double p95 = BenchReport.percentileMillis(page, 95);
		report.put(label + "Uri", uri)
			.put(label + "P50Millis", BenchReport.percentileMillis(page, 50))
			.put(label + "P95Millis", p95);
		return p95;
	}

	private long count(String sql, long agency) {
		return this.jdbc.sql(sql).param("a", agency).query(Long.class).single();
	}

	private static double timed(Runnable step) {
		long start = System.nanoTime();
		step.run();
		return (System.nanoTime() - start) / 1e9;
	}

	private static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).strip();
	}

}
