package io.domaindesk.domains;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code sync_run} rows: one running sync per agency (a unique index, so it holds
 * across instances), its progress for the progress bar, and how it ended.
 */
@Component
class SyncRuns {

	/** A run that has not reported progress for this long died with its instance. */
	static final Duration STALE = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	SyncRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of the new run, or empty when one is already running for this agency. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Optional<Long> start(long agencyId, String trigger, String startedBy) {
		this.jdbc.sql("""
				update sync_run set status = 'FAILED', finished_at = now(),
				  error_message = 'Interrupted: the instance running it stopped. The next run completes the job.'
				where agency_id = :agency and status = 'RUNNING' and heartbeat_at < :stale
				""").param("agency", agencyId).param("stale", OffsetDateTime.now().minus(STALE)).update();
		try {
			return Optional.of(this.jdbc.sql("""
					insert into sync_run (agency_id, status, trigger, started_by)
					values (:agency, 'RUNNING', :trigger, :by) returning id
					""")
				.param("agency", agencyId)
				.param("trigger", trigger)
				.param("by", startedBy)
				.query(Long.class)
				.single());
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void progress(long runId, int done, Integer total, int calls) {
		this.jdbc.sql("""
				update sync_run set done = :done, total = :total, ovh_calls = :calls, heartbeat_at = now()
				where id = :id
				""").param("done", done).param("total", total).param("calls", calls).param("id", runId).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void finish(long runId, String status, String errorMessage, String queryId) {
		this.jdbc.sql("""
				update sync_run set status = :status, finished_at = now(), heartbeat_at = now(),
				  error_message = :message, error_query_id = :queryId
				where id = :id
				""")
			.param("status", status)
			.param("message", errorMessage)
			.param("queryId", queryId)
			.param("id", runId)
			.update();
	}

	@Transactional(readOnly = true)
	List<DomainPages.SyncStatus> recent(long agencyId, int limit) {
		return this.jdbc.sql("""
				select id, status, started_at, finished_at, total, done, error_message, error_query_id
				from sync_run where agency_id = :agency order by started_at desc limit :limit
				""").param("agency", agencyId).param("limit", limit).query(DomainPages.SyncStatus.class).list();
	}

}
