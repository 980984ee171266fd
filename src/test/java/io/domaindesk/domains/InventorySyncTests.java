package io.domaindesk.domains;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.sandbox.SandboxProperties;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync over real HTTP, with real signatures and a sandbox whose clock is minutes off.
 */
@IntegrationTest
class InventorySyncTests {

	@Autowired
	InventorySync sync;

	@Autowired
	SandboxControl sandbox;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void healSandbox() {
		this.sandbox.clearFaults();
		this.sandbox.setIcebergEnabled(true);
	}

	@Test
	void fullSyncBringsEveryDomainWithItsNichandlesAndOwnerInFewCalls() {
		long agency = agency("Agence Exemple");
		assertThat(this.sync.runNow(agency, "MANUAL", 100)).isTrue();

		Map<String, Object> run = lastRun(agency);
		assertThat(run.get("status")).isEqualTo("DONE");
		int domains = ((Number) run.get("done")).intValue();
		assertThat(domains).isGreaterThanOrEqualTo(250).isEqualTo(((Number) run.get("total")).intValue());
		// Iceberg pages of 100, plus one list of owner contacts and one page of contact
		// changes.
		int minimum = (domains + 99) / 100 + 2;
		assertThat(((Number) run.get("ovh_calls")).intValue()).isLessThanOrEqualTo((int) Math.ceil(minimum * 1.1));

		assertThat(count("select count(*) from domain where agency_id = :a and gone_at is null", agency))
			.isEqualTo(domains);
		assertThat(count(
				"select count(*) from domain where agency_id = :a and name = 'xn--caf-dma.fr' "
						+ "and unicode_name = 'café.fr' and contact_admin like '%-ovh' and owner_name is not null",
				agency))
			.isOne();
		// The other agency's domains stay with the other agency.
		assertThat(count("select count(*) from domain where agency_id = :a", agency("Studio Nord")))
			.isLessThan(domains);
		assertThat(count("select count(*) from audit_event where agency_id = :a and action = 'sync.run'", agency))
			.isPositive();
	}

	@Test
	void anErrorPartWayKeepsWhatWasSyncedAndTheNextRunCompletes() {
		long agency = agency("Studio Nord");
		this.sync.runNow(agency, "MANUAL", 10);
		int all = count("select count(*) from domain where agency_id = :a and gone_at is null", agency);
		String last = this.jdbc.sql("select max(name) from domain where agency_id = :a and gone_at is null")
			.param("a", agency)
			.query(String.class)
			.single();
		this.jdbc.sql("delete from domain_drift where agency_id = :a").param("a", agency).update();
		this.jdbc.sql("delete from domain where agency_id = :a").param("a", agency).update();

		// Without Iceberg the client reads domains one by one, ten per page: the last one
		// keeps failing.
		this.sandbox.setIcebergEnabled(false);
		this.sandbox.addFault("GET /domain/" + last, SandboxProperties.FaultKind.SERVICE_UNAVAILABLE, 100, 0);
		this.sync.runNow(agency, "MANUAL", 10);

		Map<String, Object> failed = lastRun(agency);
		assertThat(failed.get("status")).isEqualTo("FAILED");
		assertThat((String) failed.get("error_message")).isNotBlank();
		int kept = count("select count(*) from domain where agency_id = :a and gone_at is null", agency);
		assertThat(kept).isPositive().isLessThan(all);

		this.sandbox.clearFaults();
		this.sync.runNow(agency, "MANUAL", 10);
		assertThat(lastRun(agency).get("status")).isEqualTo("DONE");
		assertThat(count("select count(*) from domain where agency_id = :a and gone_at is null", agency))
			.isEqualTo(all);
	}

	@Test
	void externalChangesAreFlaggedAndGoneDomainsMarked() {
		long agency = agency("Studio Nord");
		this.sync.runNow(agency, "MANUAL", 100);
		String domain = reserve(agency, """
				select name from domain where agency_id = :a and gone_at is null and contact_tech is not null
				order by name
				""");
		// Locally the tech contact was something else: OVHcloud now says otherwise, and
		// DomainDesk did not do it.
		this.jdbc.sql("update domain set contact_tech = 'zz00000-ovh' where agency_id = :a and name = :n")
			.param("a", agency)
			.param("n", domain)
			.update();
		long account = this.jdbc.sql("select ovh_account_id from domain where agency_id = :a limit 1")
			.param("a", agency)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, search_text)
				values (:a, :acc, 'no-longer-here.com', 'no-longer-here.com', 'com', 'no-longer-here.com')
				on conflict do nothing
				""").param("a", agency).param("acc", account).update();

		this.sync.runNow(agency, "MANUAL", 100);

		assertThat(count("select count(*) from domain_drift dd join domain d on d.id = dd.domain_id "
				+ "where d.agency_id = :a and d.name = '" + domain + "' and dd.field = 'contactTech' "
				+ "and dd.old_value = 'zz00000-ovh'", agency))
			.isOne();
		assertThat(count("select count(*) from domain where agency_id = :a and name = '" + domain
				+ "' and external_change_at is not null", agency))
			.isOne();
		assertThat(count("select count(*) from domain where agency_id = :a and name = 'no-longer-here.com' "
				+ "and gone_at is not null", agency))
			.isOne();
		assertThat(count("select count(*) from audit_event where agency_id = :a and action = 'domain.external-change' "
				+ "and target_domain = '" + domain + "'", agency))
			.isPositive();
	}

	@Test
	void aChangeDomainDeskAskedForIsNotDrift() {
		long agency = agency("Studio Nord");
		this.sync.runNow(agency, "MANUAL", 100);
		String domain = reserve(agency, """
				select name from domain where agency_id = :a and gone_at is null and contact_billing is not null
				order by name desc
				""");
		String real = this.jdbc.sql("select contact_billing from domain where agency_id = :a and name = :n")
			.param("a", agency)
			.param("n", domain)
			.query(String.class)
			.single();
		this.jdbc
			.sql("update domain set contact_billing = 'yy11111-ovh', external_change_at = null "
					+ "where agency_id = :a and name = :n")
			.param("a", agency)
			.param("n", domain)
			.update();
		this.jdbc
			.sql("insert into domain_expected_change (agency_id, domain_name, field, new_value) "
					+ "values (:a, :n, 'contactBilling', :v)")
			.param("a", agency)
			.param("n", domain)
			.param("v", real)
			.update();

		this.sync.runNow(agency, "MANUAL", 100);

		assertThat(count("select count(*) from domain where agency_id = :a and name = '" + domain
				+ "' and external_change_at is null and contact_billing = '" + real + "'", agency))
			.isOne();
	}

	/**
	 * The first domain these names list that no other test of the run reserved, now
	 * reserved for the caller: what it edits is its own, whatever ran before.
	 */
	private String reserve(long agency, String names) {
		return DemoInventory.claimFirst(agency, this.jdbc.sql(names).param("a", agency).query(String.class).list(), 1)
			.get(0);
	}

	private Map<String, Object> lastRun(long agency) {
		return this.jdbc.sql("select * from sync_run where agency_id = :a order by id desc limit 1")
			.param("a", agency)
			.query()
			.singleRow();
	}

	private long agency(String name) {
		return this.jdbc.sql("select id from agency where name = :n").param("n", name).query(Long.class).single();
	}

	private int count(String sql, long agency) {
		return this.jdbc.sql(sql).param("a", agency).query(Long.class).single().intValue();
	}

}
