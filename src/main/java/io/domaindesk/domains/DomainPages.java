package io.domaindesk.domains;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the domain page and the list's header show from the local inventory.
 */
@Component
class DomainPages {

	private final JdbcClient jdbc;

	DomainPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Drift(Instant detectedAt, String field, String oldValue, String newValue) {

	}

	record DomainPage(DomainRow domain, List<Drift> drifts) {

	}

	record SyncStatus(long id, String status, Instant startedAt, Instant finishedAt, Integer total, int done,
			String errorMessage, String errorQueryId) {

		public int percent() {
			return (this.total == null || this.total == 0) ? 0 : (int) Math.min(100, this.done * 100L / this.total);
		}

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

	}

	@Transactional(readOnly = true)
	Optional<DomainPage> find(long agencyId, String name) {
		String ascii = DomainNames.toAscii(name);
		return this.jdbc
			.sql("select " + DomainRow.COLUMNS + " from domain d where d.agency_id = :agency and d.name = :name")
			.param("agency", agencyId)
			.param("name", ascii)
			.query(DomainRow.class)
			.optional()
			.map(row -> new DomainPage(row, drifts(row.id())));
	}

	private List<Drift> drifts(long domainId) {
		return this.jdbc.sql("""
				select detected_at, field, old_value, new_value from domain_drift
				where domain_id = :domain order by detected_at desc limit 50
				""").param("domain", domainId).query(Drift.class).list();
	}

	@Transactional(readOnly = true)
	Optional<SyncStatus> lastSync(long agencyId) {
		return this.jdbc.sql("""
				select id, status, started_at, finished_at, total, done, error_message, error_query_id
				from sync_run where agency_id = :agency order by started_at desc limit 1
				""").param("agency", agencyId).query(SyncStatus.class).optional();
	}

	/**
	 * When the last successful sync finished: the "data as of" of every page that reads
	 * the inventory.
	 */
	@Transactional(readOnly = true)
	Optional<Instant> dataAsOf(long agencyId) {
		return this.jdbc.sql("select max(finished_at) from sync_run where agency_id = :agency and status = 'DONE'")
			.param("agency", agencyId)
			.query(Instant.class)
			.optional();
	}

}
