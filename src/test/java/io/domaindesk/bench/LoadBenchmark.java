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

import io.domaindesk.domains.DomainSeed;
import io.domaindesk.support.BrowserSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 users browsing and searching an agency of 100,000 domains at once, over real HTTP,
 * for 3 minutes by default ({@code -Dbench.load.duration=PT1M} for a shorter run), on
 * agency 0 of the platform (10 agencies of 100,000 domains in one database), with a mix
 * that includes short searches, every sort and deep pages. Goal (issue 15): p95 under 150
 * ms, p99 under 400 ms, no errors.
 */
@BenchContext
class LoadBenchmark {

	/**
	 * Average pause between two requests of one user; 0 turns the users into a saturation
	 * test.
	 */
	static final int THINK_MILLIS = Integer.getInteger("bench.load.think-millis", 1000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void twentyUsersBrowseAndSearchOneHundredThousandDomains() throws Exception {
		Duration duration = Duration.parse(System.getProperty("bench.load.duration", "PT3M"));
		int users = 20;
		// The platform of the list benchmark: agency 0 of 10, 100,000 domains each.
		BenchPlatform.get(this.jdbc, this.passwordEncoder);

		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong errors = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(users);
		// Every user logs in first (a password hash each, slow on purpose): the clock
		// starts once all of them browse, or a short run would measure logins only.
		List<Future<BrowserSession>> logins = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			String username = BenchPlatform.username(0, u);
			logins.add(pool.submit(() -> BrowserSession.loggedIn(this.port, username, BenchPlatform.PASSWORD)));
		}
		List<BrowserSession> browsers = new ArrayList<>();
		for (Future<BrowserSession> login : logins) {
			browsers.add(login.get());
		}
		long deadline = System.nanoTime() + duration.toNanos();
		List<Future<?>> running = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			BrowserSession browser = browsers.get(u);
			long seed = u;
			running.add(pool.submit(() -> {
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

		assertThat(latencies).as("requests made in %s", duration).isNotEmpty();
		long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
		double p95 = BenchReport.percentileMillis(nanos, 95);
		double p99 = BenchReport.percentileMillis(nanos, 99);
		new BenchReport().put("users", users)
			.put("domains", BenchPlatform.DOMAINS)
			.put("agenciesInDatabase", BenchPlatform.AGENCIES)
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

	/**
	 * A mix of what staff do: the first page, live search as it is typed (1, 2, 3+
	 * characters), filters, every sort, and deep pages (next, last, an old offset
	 * bookmark).
	 */
	private static String nextPage(Random random) {
		String word = DomainSeed.WORDS[random.nextInt(DomainSeed.WORDS.length)];
		String[] sorts = { "name", "expiry", "state" };
		String sort = "sort=" + sorts[random.nextInt(3)] + "&dir=" + (random.nextBoolean() ? "asc" : "desc");
		String uri = switch (random.nextInt(12)) {
			case 0 -> "/domains";
			case 1 -> "/domains?q=" + word.substring(0, 1);
			case 2 -> "/domains?q=" + word.substring(0, 2);
			case 3 -> "/domains?q=" + word + "-" + random.nextInt(1000);
			case 4 -> "/domains?q=" + new String[] { "é", "café", "xn", "日本", "garçon" }[random.nextInt(5)];
			case 5 -> "/domains?" + sort;
			case 6 -> "/domains?q=" + word.substring(0, 2) + "&" + sort;
			case 7 -> "/domains?last=true&" + sort;
			case 8 -> "/domains?after=" + DomainSeed.name(1 + random.nextInt(BenchPlatform.DOMAINS)) + "&" + sort;
			case 9 -> "/domains?page=" + (1 + random.nextInt(4000));
			case 10 -> "/domains?nic=ab" + (10000 + random.nextInt(50)) + "-ovh&role=admin&size=50";
			default -> "/domains?tld=fr&state=ok&expiresWithin=90&" + sort;
		};
		return UriComponentsBuilder.fromUriString(uri).encode().build().toUriString();
	}

}
