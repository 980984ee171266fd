package io.domaindesk.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.domaindesk.support.BrowserSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again while users log in and browse: the application
 * answers again within 10 s of the restart, every login a user saw succeed has its audit
 * row, and a login during the outage is an error, never a silent success.
 * <p>
 * The test runs its own embedded PostgreSQL (a fixed port and a data directory under
 * {@code target/}, kept between the stop and the start) and its own application instance,
 * with a short Hikari connection timeout so that requests during the outage fail fast
 * instead of queuing for the default 30 s.
 */
@Tag("resilience")
class DatabaseRestartTests {

	private static final String PASSWORD = "restart-password-1";

	private static final int THREADS = 4;

	/**
	 * Users per load thread: each login uses the thread's next user, so each is audited
	 * apart.
	 */
	private static final int USERS_PER_THREAD = 400;

	private static final Duration BEFORE_OUTAGE = Duration.ofSeconds(7);

	private static final Duration OUTAGE = Duration.ofSeconds(3);

	/**
	 * Load keeps running this long after PostgreSQL is back (and at least until
	 * recovery).
	 */
	private static final Duration AFTER_RESTART = Duration.ofSeconds(8);

	private static final Duration RECOVERY_GOAL = Duration.ofSeconds(10);

	private static Path dataDirectory;

	private static int port;

	private static EmbeddedPostgres postgres;

	private static AppInstance app;

	private static JdbcClient jdbc;

	@BeforeAll
	static void start() throws IOException {
		dataDirectory = Path.of("target", "resilience", "pg-" + System.nanoTime()).toAbsolutePath();
		Files.createDirectories(dataDirectory);
		port = freePort();
		postgres = startPostgres();
		String url = postgres.getJdbcUrl("postgres", "postgres");
		jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", "postgres"));
		app = AppInstance.start("restart", url, "postgres", "postgres",
				Map.of("spring.datasource.hikari.connection-timeout", "2000",
						"spring.datasource.hikari.validation-timeout", "1000"));
		createUsers();
	}

	@AfterAll
	static void stop() throws IOException {
		try {
			if (app != null) {
				app.close();
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
	}

	@Test
	void answersAgainAfterRestartAndLosesNoAuditRow() throws Exception {
		BrowserSession probe = BrowserSession.loggedIn(app.port(), "bob", "demo-password");
		assertThat(probe.get("/domains").statusCode()).isEqualTo(200);

		Map<String, AtomicInteger> succeeded = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		Map<Integer, String> errorBodies = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> load = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			load.add(threads.submit(() -> {
				int n = 0;
				while (running.get()) {
					String user = username(thread, n++ % USERS_PER_THREAD);
					String outcome = loginAndBrowse(user, errorBodies);
					outcomes.computeIfAbsent(outcome, (k) -> new AtomicInteger()).incrementAndGet();
					if (outcome.startsWith("success")) {
						succeeded.computeIfAbsent(user, (k) -> new AtomicInteger()).incrementAndGet();
					}
				}
			}));
		}

		long recoveryMillis;
		try {
			Thread.sleep(BEFORE_OUTAGE.toMillis());
			postgres.close();
			long stoppedAt = System.nanoTime();
			System.out.println("[db-restart] PostgreSQL stopped");
			int healthDuringOutage = health();
			Thread.sleep(OUTAGE.toMillis());
			postgres = startPostgres();
			long restartedAt = System.nanoTime();
			System.out.printf("[db-restart] PostgreSQL started again after %d ms down%n",
					(restartedAt - stoppedAt) / 1_000_000);
			assertThat(healthDuringOutage).as("health while PostgreSQL is down").isNotEqualTo(200);

			long healthBack = -1;
			long domainsBack = -1;
			long deadline = restartedAt + RECOVERY_GOAL.toNanos() + Duration.ofSeconds(5).toNanos();
			while (System.nanoTime() < deadline && (healthBack < 0 || domainsBack < 0)) {
				if (healthBack < 0 && health() == 200) {
					healthBack = (System.nanoTime() - restartedAt) / 1_000_000;
				}
				if (domainsBack < 0 && domainsStatus(probe) == 200) {
					domainsBack = (System.nanoTime() - restartedAt) / 1_000_000;
				}
				Thread.sleep(100);
			}
			recoveryMillis = (healthBack < 0 || domainsBack < 0) ? -1 : Math.max(healthBack, domainsBack);
			System.out.printf("[db-restart] after restart: health 200 in %d ms, logged-in /domains 200 in %d ms%n",
					healthBack, domainsBack);
			long keepUntil = restartedAt + AFTER_RESTART.toNanos();
			Thread.sleep(Math.max(0, (keepUntil - System.nanoTime()) / 1_000_000));
		}
		finally {
			running.set(false);
			threads.shutdown();
		}
		for (Future<?> f : load) {
			f.get(30, TimeUnit.SECONDS);
		}
		threads.awaitTermination(5, TimeUnit.SECONDS);

		Map<String, Long> audited = jdbc.sql("""
				select actor, count(*) as n from audit_event
				where action = 'login.success' and actor like 'restart\\_%'
				group by actor
				""")
			.query((rs, i) -> Map.entry(rs.getString("actor"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		int attempts = outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
		int successes = succeeded.values().stream().mapToInt(AtomicInteger::get).sum();
		long auditedTotal = audited.values().stream().mapToLong(Long::longValue).sum();
		List<String> lost = succeeded.entrySet()
			.stream()
			.filter((e) -> audited.getOrDefault(e.getKey(), 0L) < e.getValue().get())
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		long auditGaps = jdbc.sql("""
				select count(*) from (
				  select seq - lag(seq) over (partition by chain_id order by seq) as step from audit_event) s
				where step <> 1
				""").query(Long.class).single();

		System.out.printf("[db-restart] recovery after restart: %d ms (goal %d ms)%n", recoveryMillis,
				RECOVERY_GOAL.toMillis());
		System.out.printf("[db-restart] logins attempted %d, succeeded %d, audited %d; outcomes %s%n", attempts,
				successes, auditedTotal, new java.util.TreeMap<>(outcomes));

		assertThat(recoveryMillis).as("recovered within the goal").isBetween(0L, RECOVERY_GOAL.toMillis());
		assertThat(lost).as("users whose successful login has no audit row").isEmpty();
		assertThat(auditGaps).as("holes in the audit chains").isZero();
		assertThat(successes).as("logins succeeded before and after the outage").isGreaterThan(THREADS * 2);
		assertThat(outcomes.keySet()).as("every outcome is a success or an error, never anything else")
			.allMatch((o) -> o.startsWith("success") || o.startsWith("error"));
		errorBodies.forEach((status, body) -> System.out.printf("[db-restart] a %d during the outage answered: %s%n",
				status, body.replaceAll("\\s+", " ").substring(0, Math.min(160, body.length()))));
		assertThat(errorBodies.values()).as("error pages during the outage show no stack trace")
			.noneMatch((body) -> body.contains("Exception") || body.contains("\tat "));
		// After recovery, logins work again.
		BrowserSession again = BrowserSession.loggedIn(app.port(), username(0, USERS_PER_THREAD - 1), PASSWORD);
		assertThat(again.get("/domains").statusCode()).isEqualTo(200);
	}

	/**
	 * One login and one page, as a user does it; the outcome is "success..." (the client
	 * saw a redirect to /domains) or "error..." (a 5xx or a connection error), with what
	 * followed.
	 */
	private static String loginAndBrowse(String user, Map<Integer, String> errorBodies) {
		BrowserSession browser = new BrowserSession(app.port());
		try {
			HttpResponse<String> form = browser.get("/login");
			if (form.statusCode() != 200) {
				errorBodies.putIfAbsent(form.statusCode(), form.body());
				return "error: login page " + form.statusCode();
			}
			HttpResponse<String> login = browser.post("/login", Map.of("username", user, "password", PASSWORD));
			String location = login.headers().firstValue("Location").orElse("");
			if (login.statusCode() == 302 && location.endsWith("/domains")) {
				HttpResponse<String> page = browser.get("/domains");
				return "success, then /domains " + page.statusCode();
			}
			if (login.statusCode() >= 500) {
				errorBodies.putIfAbsent(login.statusCode(), login.body());
				return "error: login " + login.statusCode();
			}
			return "other: login " + login.statusCode() + " " + location;
		}
		catch (IllegalStateException ex) {
			return "error: " + ((ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : ex.getMessage());
		}
	}

	private static int health() {
		try {
			HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/actuator/health"))
					.timeout(Duration.ofSeconds(3))
					.GET()
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static int domainsStatus(BrowserSession session) {
		try {
			HttpResponse<String> response = session.get("/domains");
			return (response.statusCode() == 200 && response.body().contains("Bob")) ? 200 : response.statusCode();
		}
		catch (IllegalStateException ex) {
			return -1;
		}
	}

	private static EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			// A commit the application saw must be on disk before it is acknowledged.
			.setServerConfig("synchronous_commit", "on")
			.start();
	}

	private static void createUsers() {
		long agency = jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		// One hash for everybody: bcrypt is slow by design.
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		for (int t = 0; t < THREADS; t++) {
			jdbc.sql("""
					insert into app_user (agency_id, username, display_name, password_hash, role)
					select :agency, 'restart_' || :thread || '_' || n, 'Restart user ' || n, :hash, 'STAFF'
					from generate_series(0, :last) n
					""")
				.param("agency", agency)
				.param("thread", t)
				.param("hash", hash)
				.param("last", USERS_PER_THREAD - 1)
				.update();
		}
	}

	private static String username(int thread, int n) {
		return "restart_" + thread + "_" + n;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
