package io.domaindesk.contacts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the notifications module reads of contact changes: tasks started here that still
 * wait for someone, and batches that ended with failures.
 */
@Component
public class ContactNotices {

	/** OVHcloud's window for answering a contact change. */
	public static final java.time.Duration ANSWER_WINDOW = ContactChangeTracker.ANSWER_WINDOW;

	private final JdbcClient jdbc;

	ContactNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Tasks started from DomainDesk that still wait for the parties (not for OVHcloud),
	 * created by OVHcloud ({@code dateRequest}, the task's real creation date) between
	 * {@code from} and {@code to}.
	 */
	public List<WaitingTask> waitingCreatedBetween(Instant from, Instant to) {
		return this.jdbc.sql("""
				select t.ovh_account_id, t.task_id, t.agency_id, t.domain_name, t.contact_types, t.state,
				       t.date_request, c.created_by as started_by
				from contact_change_task t join nic_change c on c.id = t.nic_change_id
				where t.state in ('todo', 'validatingByCustomers')
				  and t.date_request > :from and t.date_request <= :to
				order by t.date_request
				""")
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query(WaitingTask.class)
			.list();
	}

	/**
	 * The agency's batches finished since {@code since} with at least one failed change.
	 */
	public List<FailedBatch> failedBatchesSince(long agencyId, Instant since) {
		return this.jdbc.sql("""
				select b.id, b.created_by, b.created_at, b.total,
				       (select count(*) from nic_change c where c.batch_id = b.id and c.status in ('FAILED', 'UNKNOWN'))
				         as failed
				from nic_change_batch b
				where b.agency_id = :a and coalesce(b.finished_at, b.created_at) >= :since
				  and exists (select 1 from nic_change c where c.batch_id = b.id and c.status in ('FAILED', 'UNKNOWN'))
				order by b.created_at desc
				""")
			.param("a", agencyId)
			.param("since", java.sql.Timestamp.from(since))
			.query(FailedBatch.class)
			.list();
	}

	public record WaitingTask(long ovhAccountId, long taskId, long agencyId, String domainName, String contactTypes,
			String state, OffsetDateTime dateRequest, String startedBy) {

		public Instant expiresAt() {
			return this.dateRequest.toInstant().plus(ANSWER_WINDOW);
		}

	}

	public record FailedBatch(long id, String createdBy, OffsetDateTime createdAt, int total, long failed) {
	}

}
