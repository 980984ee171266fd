package io.domaindesk.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit list.
 */
record AuditRow(long id, long seq, OffsetDateTime occurredAt, String actor, String actorRole, String ip, String action,
		String targetDomain, String details, String outcome, String ovhQueryId, String correlationId) {

	static final String COLUMNS = "e.id, e.seq, e.occurred_at, e.actor, e.actor_role, e.ip, e.action, e.target_domain, "
			+ "e.details::text as details, e.outcome, e.ovh_query_id, e.correlation_id";

}
