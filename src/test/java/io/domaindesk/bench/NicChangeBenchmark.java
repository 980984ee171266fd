package io.domaindesk.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.domains.InventoryBench;
import io.domaindesk.infrastructure.SecretCipher;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.SandboxConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A batch of 1,000 nichandle changes against the sandbox with its rate limit on at R
 * calls a minute: the batch keeps up with R (goal ≥ 0.9 R), no 429 reaches the user, and
 * the sandbox received each change exactly once.
 */
@BenchContext
class NicChangeBenchmark {

	static final int DOMAINS = 1000;

	static final int RATE = Integer.getInteger("bench.nic.rate", 600);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	SecretCipher cipher;

	@Autowired
	InventoryBench inventory;

	@Test
	void aThousandChangesAtTheSandboxRateLimit() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long agency = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Bench nic " + suffix)
			.query(Long.class)
			.single();
		SandboxConnection.connect(this.jdbc, this.cipher, agency, "sandbox", "dd-bench-ak",
				"dd-bench-as-0123456789abcdef", "dd-bench-ck-0123456789abcdef", RATE);
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Bench', '{noop}x', 'STAFF')
				""").param("a", agency).param("u", "bench-nic-" + suffix).update();
		DeskPrincipal staff = this.users.findByUsername("bench-nic-" + suffix).orElseThrow();
		assertThat(this.inventory.syncNow(agency)).isTrue();
		String target = this.jdbc.sql("""
				select contact_tech from domain where agency_id = :a and contact_tech <> 'bb3000-ovh'
				group by contact_tech order by count(*) desc limit 1
				""").param("a", agency).query(String.class).single();
		List<String> domains = this.jdbc.sql("""
				select d.name from domain d
				where d.agency_id = :a and d.state = 'ok' and d.contact_admin = 'bb3000-ovh' and d.gone_at is null
				  and d.pending_operations = 0 and d.contact_tech <> :target
				  and not exists (select 1 from ovh_sandbox.object o where o.kind = 'contactChange' and o.ref = d.name)
				order by d.name limit :n
				""").param("a", agency).param("target", target).param("n", DOMAINS).query(String.class).list();
		assertThat(domains).hasSize(DOMAINS);

		this.sandbox.setRateLimitPerMinute(RATE);
		try {
			var confirmed = this.mvc.post()
				.uri("/nic-changes/bulk")
				.param("names", domains.toArray(String[]::new))
				.param("contactTech", target)
				.param("step", "confirm")
				.with(user(staff))
				.with(csrf())
				.exchange();
			long batch = Long.parseLong(confirmed.getResponse().getRedirectedUrl().replace("/batches/", ""));
			Awaitility.await()
				.pollInterval(Duration.ofSeconds(2))
				.atMost(Duration.ofMinutes(15))
				.until(() -> "DONE".equals(this.jdbc.sql("select status from nic_change_batch where id = :b")
					.param("b", batch)
					.query(String.class)
					.single()));
			Map<String, Object> timing = this.jdbc.sql("""
					select min(submitted_at) as first, max(submitted_at) as last, count(*) as submitted
					from nic_change where batch_id = :b and status = 'SUBMITTED'
					""").param("b", batch).query().singleRow();
			long submitted = ((Number) timing.get("submitted")).longValue();
			Instant first = ((java.sql.Timestamp) timing.get("first")).toInstant();
			Instant last = ((java.sql.Timestamp) timing.get("last")).toInstant();
			double minutes = Duration.between(first, last).toMillis() / 60_000.0;
			double achieved = (submitted - 1) / minutes;
			long failed = count("select count(*) from nic_change where batch_id = :b and status <> 'SUBMITTED'", batch);
			// (Every domain was chosen so that none is skipped: anything not submitted is
			// a failure.)
			long retried = count("""
					select count(*) from audit_event where action = 'nic.change' and outcome = 'DENIED'
					  and (details ->> 'batchId')::bigint = :b
					""", batch);
			long duplicates = this.jdbc.sql("""
					select count(*) from (select o.ref from ovh_sandbox.object o
					  where o.kind = 'contactChange' and o.ref in (:names) group by o.ref having count(*) > 1) d
					""").param("names", domains).query(Long.class).single();
			new BenchReport().put("domains", DOMAINS)
				.put("rateLimitPerMinute", RATE)
				.put("submitted", submitted)
				.put("notSubmitted", failed)
				.put("achievedPerMinute", achieved)
				.put("achievedRatio", achieved / RATE)
				.put("rateLimitedRetries", retried)
				.put("duplicateChangeContact", duplicates)
				.write("nic-change-batch");
			assertThat(failed).as("changes that did not reach OVHcloud").isZero();
			assertThat(duplicates).as("domains that got two changeContact").isZero();
			assertThat(achieved / RATE).as("achieved rate / limit").isGreaterThanOrEqualTo(0.9);
		}
		finally {
			this.sandbox.setRateLimitPerMinute(0);
		}
	}

	private long count(String sql, long batch) {
		return this.jdbc.sql(sql).param("b", batch).query(Long.class).single();
	}

}
