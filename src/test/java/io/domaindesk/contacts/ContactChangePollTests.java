package io.domaindesk.contacts;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import io.domaindesk.sandbox.ContactChangeControl;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the minute-by-minute contact-change poll costs for an account with 2,000 tasks
 * waiting for answers, counted in OVHcloud calls: one list per pending state with
 * Iceberg, and without it no task read again once known — only those that settled.
 */
@IntegrationTest
class ContactChangePollTests {

	private static final String LIST = "/me/task/contactChange";

	private static final String ITEM = "/me/task/contactChange/{id}";

	@Autowired
	ContactChangeTracker tracker;

	@Autowired
	ContactChangeControl tasks;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPollCostsOneListCallPerStateWithIcebergAndIsBoundedWithoutIt() {
		long nord = this.jdbc.sql("select id from agency where name = 'Studio Nord'").query(Long.class).single();
		// Whatever other tests left settles first.
		this.tracker.poll(nord);
		String prefix = "poll-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		List<Long> ids = this.tasks.seedPending("sn2000-ovh", prefix, 2000);
		try {
			double lists = calls(LIST);
			double items = calls(ITEM);
			this.tracker.poll(nord);
			assertThat(calls(LIST) - lists).as("list calls with Iceberg").isBetween(1.0, 4.0);
			assertThat(calls(ITEM) - items).as("tasks read one by one with Iceberg").isZero();
			assertThat(tracked(prefix, "validatingByCustomers")).isEqualTo(2000);

			this.sandbox.setIcebergEnabled(false);
			lists = calls(LIST);
			items = calls(ITEM);
			this.tracker.poll(nord);
			assertThat(calls(LIST) - lists).as("list calls without Iceberg").isLessThanOrEqualTo(4);
			assertThat(calls(ITEM) - items).as("known tasks read again without Iceberg").isZero();

			// Three settle at OVHcloud: only they are read, once.
			ids.subList(0, 3).forEach((id) -> this.tasks.settle(id, "refused"));
			items = calls(ITEM);
			this.tracker.poll(nord);
			assertThat(calls(ITEM) - items).isEqualTo(3);
			assertThat(tracked(prefix, "refused")).isEqualTo(3);
			items = calls(ITEM);
			this.tracker.poll(nord);
			assertThat(calls(ITEM) - items).as("settled tasks are not read again").isZero();
		}
		finally {
			this.sandbox.setIcebergEnabled(true);
			ids.forEach((id) -> this.tasks.settle(id, "aborted"));
			this.jdbc.sql("delete from contact_change_task where domain_name like :p")
				.param("p", prefix + "%")
				.update();
		}
	}

	private long tracked(String prefix, String state) {
		return this.jdbc.sql("select count(*) from contact_change_task where domain_name like :p and state = :s")
			.param("p", prefix + "%")
			.param("s", state)
			.query(Long.class)
			.single();
	}

	/** Metrics name an application key only by a digest (see OvhMetrics). */
	private static String applicationTag(String applicationKey) {
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(("domaindesk-metrics\0" + applicationKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return "app-" + java.util.HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private double calls(String path) {
		return this.meters.find("domaindesk.ovh.calls")
			.tag("application", applicationTag("dd-demo-ak-nord"))
			.tag("path", path)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
