package io.domaindesk.bench;

import java.util.ArrayList;
import java.util.List;

import io.domaindesk.domains.DomainSeed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The platform of issue 15 in the benchmarks' database: 10 agencies of 100,000 domains
 * each (1,000,000 domains), loaded once per JVM with SQL ({@link DomainSeed}), then
 * vacuumed and analysed as autovacuum would leave them. Each agency has a staff user
 * ({@code bench-p<i>-u<j>}) for the list benchmark and the load test.
 */
final class BenchPlatform {

	static final int AGENCIES = Integer.getInteger("bench.platform.agencies", 10);

	static final int DOMAINS = Integer.getInteger("bench.platform.domains", 100_000);

	static final int USERS_PER_AGENCY = 20;

	static final String PASSWORD = "bench platform passphrase";

	private static BenchPlatform platform;

	final List<Long> agencies;

	final double loadSeconds;

	private BenchPlatform(List<Long> agencies, double loadSeconds) {
		this.agencies = agencies;
		this.loadSeconds = loadSeconds;
	}

	static synchronized BenchPlatform get(JdbcClient jdbc, PasswordEncoder encoder) {
		if (platform == null) {
			platform = load(jdbc, encoder);
		}
		return platform;
	}

	static String username(int agency, int user) {
		return "bench-p" + agency + "-u" + user;
	}

	private static BenchPlatform load(JdbcClient jdbc, PasswordEncoder encoder) {
		long started = System.nanoTime();
		String hash = encoder.encode(PASSWORD);
		List<Long> agencies = new ArrayList<>();
		for (int a = 0; a < AGENCIES; a++) {
			long agency = jdbc.sql("insert into agency (name) values (:n) returning id")
				.param("n", "Bench platform " + a + " " + System.nanoTime())
				.query(Long.class)
				.single();
			long account = jdbc.sql("""
					insert into ovh_account (agency_id, label, endpoint, application_key)
					values (:a, 'OVHcloud', 'http://127.0.0.1:9/1.0', 'unreachable') returning id
					""").param("a", agency).query(Long.class).single();
			// In slices, so that no single statement holds a huge pending GIN list.
			for (int first = 1; first <= DOMAINS; first += 25_000) {
				DomainSeed.insert(jdbc, agency, account, first, Math.min(DOMAINS, first + 24_999));
			}
			for (int u = 0; u < USERS_PER_AGENCY; u++) {
				jdbc.sql("""
						insert into app_user (agency_id, username, display_name, password_hash, role)
						values (:a, :u, 'Bench', :h, 'STAFF')
						""").param("a", agency).param("u", username(a, u)).param("h", hash).update();
			}
			agencies.add(agency);
		}
		jdbc.sql("vacuum analyze domain").update();
		// The load and the vacuum leave a gigabyte of pages to write: flushed now, not by
		// the checkpointer behind the first shapes measured (a database at rest, as in
		// production, where a million domains were not all written a minute ago).
		jdbc.sql("checkpoint").update();
		return new BenchPlatform(agencies, (System.nanoTime() - started) / 1e9);
	}

}
