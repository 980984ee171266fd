package io.domaindesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.domaindesk.support.BrowserSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 users browsing and searching an agency of 100,000 domains at once, over real HTTP,
 * for 5 minutes by default ({@code -Dbench.load.duration=PT1M} for a shorter run). Goal:
 * p95 under 300 ms, p99 under 800 ms, no errors.
 */
@BenchContext
class LoadBenchmark {

	static final String PASSWORD = "load bench passphrase";

	/**
	 * Average pause between two requests of one user; 0 turns the users into a saturation
	 * test.
	 */
	static final int THINK_MILLIS = Integer.getInteger("bench.load.think-millis", 1000);

	static final String[] WORDS = { "atelier", "boulangerie", "cafe", "studio", "agence", "garage", "hotel",
			"pharmacie", "ecole", "jardin" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void twentyUsersBrowseAndSearchOneHundredThousandDomains() throws Exception {
		Duration duration = Duration.parse(System.getProperty("bench.load.duration", "PT5M"));
		int users = 20;
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long agency = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Load " + suffix)
			.query(Long.class)
			.single();
		long account = this.jdbc.sql("""
				insert into ovh_account (agency_id, label, endpoint, application_key)
				values (:a, 'OVHcloud', 'http://127.0.0.1:9/1.0', 'unreachable') returning id
				""").param("a", agency).query(Long.class).single();
		this.jdbc.sql("""
				insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, state, expires_at,
				  contact_admin, contact_tech, contact_billing, owner_contact_id, owner_name, pending_operations,
				  last_synced_at, search_text)
				select :a, :acc, n, n, t, case when i % 20 = 0 then 'expired' else 'ok' end,
				  now() + (i % 700) * interval '1 day', 'ab' || (10000 + i % 50) || '-ovh',
				  'cd' || (20000 + i % 300) || '-ovh', 'ab' || (10000 + i % 50) || '-ovh', (i % 5000)::text,
				  'Owner ' || (i % 5000), i % 7 / 6, now(), n
				from (select i, w || '-' || i || '.' || t as n, t
				      from generate_series(1, 100000) i,
				      lateral (select (array['atelier', 'boulangerie', 'cafe', 'studio', 'agence', 'garage', 'hotel',
				                             'pharmacie', 'ecole', 'jardin'])[1 + i % 10] as w,
				                      (array['fr', 'com', 'net', 'eu', 'be'])[1 + (i / 10) % 5] as t) x) g
				""").param("a", agency).param("acc", account).update();
		this.jdbc.sql("analyze domain").update();
		String hash = this.passwordEncoder.encode(PASSWORD);
		for (int u = 0; u < users; u++) {
			this.jdbc.sql("""
					insert into app_user (agency_id, username, display_name, password_hash, role)
					values (:a, :u, 'Load user', :h, 'STAFF')
					""").param("a", agency).param("u", "load-" + suffix + "-" + u).param("h", hash).update();
		}

		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong errors = new AtomicLong();
		long deadline = System.nanoTime() + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(users);
		List<Future<?>> running = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			String username = "load-" + suffix + "-" + u;
			long seed = u;
			running.add(pool.submit(() -> {
				BrowserSession browser = BrowserSession.loggedIn(this.port, username, PASSWORD);
				Random random = new Random(seed);
				while (System.nanoTime() < deadline) {
					// A person reads the page before the next click: 0.5 to 1.5 s by
					// default.
					if (THINK_MILLIS > 0) {
						sleep(THINK_MILLIS / 2 + random.nextInt(THINK_MILLIS + 1));
					}
					String uri = nextPage(random);
					long t0 = System.nanoTime();
					int status = browser.get(uri).statusCode();
					latencies.add(System.nanoTime() - t0);
					if (status != 200) {
						errors.incrementAndGet();
					}
				}
			}));
		}
		for (Future<?> user : running) {
			user.get();
		}
		pool.shutdown();

		long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
		double p95 = BenchReport.percentileMillis(nanos, 95);
		double p99 = BenchReport.percentileMillis(nanos, 99);
		new BenchReport().put("users", users)
			.put("domains", 100_000)
			.put("durationSeconds", duration.toSeconds())
			.put("thinkMillis", THINK_MILLIS)
			.put("requests", nanos.length)
			.put("requestsPerSecond", nanos.length / (double) duration.toSeconds())
			.put("errors", errors.get())
			.put("p50Millis", BenchReport.percentileMillis(nanos, 50))
			.put("p95Millis", p95)
			.put("p99Millis", p99)
			.write("load-browse-search");
		assertThat(errors.get()).isZero();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A mix of what staff do: the first page, paging, searching, filtering, sorting. */
	private static String nextPage(Random random) {
		String word = WORDS[random.nextInt(WORDS.length)];
		return switch (random.nextInt(6)) {
			case 0 -> "/domains";
			case 1 -> "/domains?page=" + (1 + random.nextInt(200));
			case 2 -> "/domains?q=" + word + "-" + random.nextInt(1000);
			case 3 -> "/domains?q=" + word + "&sort=expiry";
			case 4 -> "/domains?nic=ab" + (10000 + random.nextInt(50)) + "-ovh&role=admin&size=50";
			default -> "/domains?tld=fr&state=ok&expiresWithin=90&sort=state&dir=desc";
		};
	}

}
