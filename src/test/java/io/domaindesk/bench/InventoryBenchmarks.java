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
import io.domaindesk.support.SandboxConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Benchmarks of the domain inventory, run by {@code ./mvnw -Pbench verify} only. The
 * sandbox gets a third account with 20,000 domains for the sync benchmark; the list is
 * measured by {@link DomainListBenchmark}.
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

	private long agency(String name) {
		return this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", name)
			.query(Long.class)
			.single();
	}

	private long account(long agency, String endpoint, String ak, String as, String ck) {
		return SandboxConnection.connect(this.jdbc, this.cipher, agency, endpoint, ak, as, ck, 6000);
	}

	static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
