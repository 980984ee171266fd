package io.domaindesk.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.domaindesk.clients.ConsentRequested;
import io.domaindesk.domains.InventoryBench;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one PostgreSQL (a database of their own on the shared test
 * server): a session started on one is served by the other, and the scheduled inventory
 * sync runs on one instance only (ShedLock).
 */
@Tag("resilience")
class TwoInstancesTests {

	/** Extra latency on every sandbox call, so that a sync holds its lock for seconds. */
	private static final long SANDBOX_LATENCY_MS = 300;

	private static String database;

	private static AppInstance a;

	private static AppInstance b;

	private static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		TestDatabase.Server server = TestDatabase.get();
		database = "two_instances_" + System.nanoTime();
		String url = server.createDatabase(database);
		jdbc = JdbcClient.create(new DriverManagerDataSource(url, server.username(), server.password()));
		a = AppInstance.start("instance-a", url, server.username(), server.password(), Map.of());
		// Started after A is up: the demo and sandbox seeding then find their rows in
		// place.
		b = AppInstance.start("instance-b", url, server.username(), server.password(), Map.of());
	}

	@AfterAll
	static void stop() {
		AppInstance.stopAll(database, b, a);
	}

	@Test
	void sessionSurvivesSwitchingInstance() throws Exception {
		BrowserSession onA = BrowserSession.loggedIn(a.port(), "bob", "demo-password");
		assertThat(onA.get("/domains").statusCode()).isEqualTo(200);
		String session = onA.cookie("SESSION").orElseThrow(() -> new AssertionError("no SESSION cookie from A"));
		long logins = loginsOfBob();

		HttpResponse<String> onB = getWithSession(b.port(), "/domains", session);
		assertThat(onB.statusCode()).as("B serves A's session").isEqualTo(200);
		assertThat(onB.body()).contains("Bob");
		assertThat(loginsOfBob()).as("no new login on B").isEqualTo(logins);

		// The cookie is what carries bob over: without it (or with a made-up one) B sends
		// the browser to its login page.
		HttpResponse<String> forged = getWithSession(b.port(), "/domains",
				"00000000-0000-0000-0000-000000000000".replace('0', 'f'));
		assertThat(forged.statusCode()).isEqualTo(302);
		assertThat(forged.headers().firstValue("Location").orElse("")).endsWith("/login");

		// And back on A, the session is still the same one.
		assertThat(getWithSession(a.port(), "/domains", session).statusCode()).isEqualTo(200);
	}

	@Test
	void scheduledSyncRunsOnceWhenBothInstancesFireTogether() throws Exception {
		slowSandboxes();
		try {
			int agencies = agenciesWithAccounts();
			assertThat(agencies).isPositive();
			Timestamp since = dbNow();
			CyclicBarrier together = new CyclicBarrier(2);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				Future<Long> onA = threads.submit(() -> timedSync(a, together));
				Future<Long> onB = threads.submit(() -> timedSync(b, together));
				long millisA = onA.get(60, TimeUnit.SECONDS);
				long millisB = onB.get(60, TimeUnit.SECONDS);
				long winner = Math.max(millisA, millisB);
				long loser = Math.min(millisA, millisB);
				System.out.printf("[two-instances] simultaneous syncAll: A took %d ms, B took %d ms%n", millisA,
						millisB);

				assertThat(runsPerAgencySince(since)).as("one sync_run per agency, not one per instance")
					.hasSize(agencies)
					.allSatisfy((row) -> assertThat(row.runs()).isEqualTo(1));
				assertThat(syncAuditsSince(since)).isEqualTo(agencies);
				// The instance that lost the lock returned at once, without waiting for
				// the
				// other's sync.
				assertThat(loser).isLessThan(winner / 2);
				assertThat(lockRow()).satisfies((lock) -> {
					assertThat(lock.lockedAt()).isAfterOrEqualTo(since);
					System.out.printf("[two-instances] shedlock inventory-sync locked_by=%s locked_at=%s%n",
							lock.lockedBy(), lock.lockedAt());
				});
			}
			finally {
				threads.shutdownNow();
			}
		}
		finally {
			healSandboxes();
		}
	}

	@Test
	void secondInstanceDoesNothingWhileTheFirstHoldsTheLock() throws Exception {
		slowSandboxes();
		try {
			int agencies = agenciesWithAccounts();
			Timestamp since = dbNow();
			CompletableFuture<Void> onA = CompletableFuture
				.runAsync(() -> a.bean(InventoryBench.class).scheduledSyncAll());
			// A holds the lock and is syncing.
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> lockHeldSince(since) && runningSince(since) > 0);

			long started = System.nanoTime();
			b.bean(InventoryBench.class).scheduledSyncAll();
			long millisB = (System.nanoTime() - started) / 1_000_000;
			boolean aStillRunning = !onA.isDone();
			onA.get(60, TimeUnit.SECONDS);
			System.out.printf("[two-instances] syncAll on B while A held the lock returned in %d ms%n", millisB);

			assertThat(aStillRunning).as("B returned while A was still syncing").isTrue();
			assertThat(runsPerAgencySince(since)).as("only A's runs")
				.hasSize(agencies)
				.allSatisfy((row) -> assertThat(row.runs()).isEqualTo(1));

			// Once A is done the lock is free, and B runs the job itself.
			Timestamp after = dbNow();
			b.bean(InventoryBench.class).scheduledSyncAll();
			assertThat(runsPerAgencySince(after)).hasSize(agencies)
				.allSatisfy((row) -> assertThat(row.runs()).isEqualTo(1));
		}
		finally {
			healSandboxes();
		}
	}

	/**
	 * These instances have no SMTP server ({@code spring.mail.host} unset), as the local
	 * demo: a message is written, never sent, and shown on {@code /admin/outbox} as it
	 * would have been delivered, to the admins of its agency only.
	 */
	@Test
	void withoutAnSmtpServerTheOutboxShowsEachMessageAsItWouldBeDeliveredToItsAgencyOnly() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long agency = jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		String address = "owner-" + tag + "@client.test";
		URI link = URI.create("http://localhost:8080/consent/demo-" + tag);
		a.bean(TransactionTemplate.class)
			.executeWithoutResult((status) -> a.context()
				.publishEvent(new ConsentRequested(UUID.randomUUID(), agency, "Agence Exemple", "demo-" + tag + ".fr",
						address, "Elise Durand", Locale.FRENCH, link, Instant.now().plus(Duration.ofDays(7)), false)));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from outgoing_message where recipient = :r")
				.param("r", address)
				.query(Long.class)
				.single() == 1);
		long id = jdbc.sql("select id from outgoing_message where recipient = :r")
			.param("r", address)
			.query(Long.class)
			.single();
		String subject = "Agence Exemple vous demande votre accord pour demo-" + tag + ".fr";

		BrowserSession alice = BrowserSession.loggedIn(b.port(), "alice", "demo-password");
		assertThat(alice.get("/admin/outbox").body()).contains("id=\"message-" + id + "\"", address, subject);
		HttpResponse<String> message = alice.get("/admin/outbox/" + id);
		assertThat(message.statusCode()).isEqualTo(200);
		assertThat(message.body()).contains(address, subject, "spring.mail.host", "Bonjour Elise Durand",
				"demo-" + tag + ".fr", link.toString());
		assertThat(alice.get("/admin/outbox/" + id + "/html").body()).contains("href=\"" + link + "\"");

		// Studio Nord's admin sees none of it.
		String nord = "nord-admin-" + tag;
		jdbc.sql(
				"""
						insert into app_user (agency_id, username, display_name, password_hash, role)
						select (select id from agency where name = 'Studio Nord'), :u, 'Nord Admin', password_hash, 'AGENCY_ADMIN'
						from app_user where username = 'alice'
						""")
			.param("u", nord)
			.update();
		BrowserSession other = BrowserSession.loggedIn(a.port(), nord, "demo-password");
		HttpResponse<String> theirs = other.get("/admin/outbox");
		assertThat(theirs.statusCode()).isEqualTo(200);
		assertThat(theirs.body()).doesNotContain(address, subject);
		assertThat(other.get("/admin/outbox/" + id).statusCode()).isEqualTo(404);
		assertThat(other.get("/admin/outbox/" + id + "/html").statusCode()).isEqualTo(404);

		// Nothing went out, and nothing will: the message stays as written.
		assertThat(jdbc.sql("select status || ':' || attempts from outgoing_message where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("NOT_SENT:0");
	}

	/**
	 * The public consent page's limit is the address's, whichever instance serves it:
	 * {@code requests-per-minute} in all, not as many again on each instance.
	 */
	@Test
	void theConsentPageLimitHoldsAcrossBothInstances() throws Exception {
		int limit = a.context()
			.getEnvironment()
			.getProperty("domaindesk.consent.requests-per-minute", Integer.class, 30);
		jdbc.sql("delete from consent_rate_window").update();
		// The limit counts per minute of the database's clock: all of it in one minute.
		double second = jdbc.sql("select extract(second from clock_timestamp())").query(Double.class).single();
		if (second > 40) {
			Thread.sleep((long) ((60.5 - second) * 1000));
		}
		for (int i = 0; i < limit; i++) {
			AppInstance instance = (i % 2 == 0) ? a : b;
			assertThat(unknownConsentLink(instance).statusCode()).as("request %d", i + 1).isEqualTo(404);
		}
		assertThat(unknownConsentLink(a).statusCode()).isEqualTo(429);
		assertThat(unknownConsentLink(b).statusCode()).isEqualTo(429);
	}

	private static HttpResponse<String> unknownConsentLink(AppInstance instance) {
		return new BrowserSession(instance.port())
			.get("/consent/" + UUID.randomUUID().toString().replace("-", "") + "unknown0link");
	}

	private static long timedSync(AppInstance instance, CyclicBarrier together) throws Exception {
		InventoryBench bench = instance.bean(InventoryBench.class);
		together.await(10, TimeUnit.SECONDS);
		long started = System.nanoTime();
		bench.scheduledSyncAll();
		return (System.nanoTime() - started) / 1_000_000;
	}

	/**
	 * Each instance syncs against its own sandbox (the endpoint "sandbox" is its port).
	 */
	private static void slowSandboxes() {
		for (AppInstance instance : List.of(a, b)) {
			instance.bean(SandboxControl.class).addLatency("/**", SANDBOX_LATENCY_MS);
		}
	}

	private static void healSandboxes() {
		for (AppInstance instance : List.of(a, b)) {
			instance.bean(SandboxControl.class).clearFaults();
		}
	}

	private static HttpResponse<String> getWithSession(int port, String path, String session) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "text/html")
			.header("Cookie", "SESSION=" + session)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long loginsOfBob() {
		return jdbc.sql("select count(*) from audit_event where action = 'login.success' and actor = 'bob'")
			.query(Long.class)
			.single();
	}

	private static int agenciesWithAccounts() {
		return jdbc.sql("select count(distinct agency_id) from ovh_account").query(Integer.class).single();
	}

	private static Timestamp dbNow() {
		return jdbc.sql("select clock_timestamp()").query(Timestamp.class).single();
	}

	private static List<AgencyRuns> runsPerAgencySince(Timestamp since) {
		return jdbc
			.sql("select agency_id, count(*) as runs from sync_run where started_at >= :since group by agency_id")
			.param("since", since)
			.query(AgencyRuns.class)
			.list();
	}

	private static long runningSince(Timestamp since) {
		return jdbc.sql("select count(*) from sync_run where started_at >= :since and status = 'RUNNING'")
			.param("since", since)
			.query(Long.class)
			.single();
	}

	private static long syncAuditsSince(Timestamp since) {
		return jdbc.sql("select count(*) from audit_event where action = 'sync.run' and occurred_at >= :since")
			.param("since", since)
			.query(Long.class)
			.single();
	}

	private static boolean lockHeldSince(Timestamp since) {
		return jdbc.sql("""
				select count(*) from shedlock
				where name = 'inventory-sync' and locked_at at time zone 'UTC' >= :since
				  and lock_until > timezone('utc', clock_timestamp())
				""").param("since", since).query(Long.class).single() > 0;
	}

	private static Lock lockRow() {
		return jdbc.sql(
				"select locked_by, locked_at at time zone 'UTC' as locked_at from shedlock where name = 'inventory-sync'")
			.query(Lock.class)
			.single();
	}

	record AgencyRuns(long agencyId, long runs) {
	}

	record Lock(String lockedBy, Timestamp lockedAt) {
	}

}
