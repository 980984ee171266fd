package io.domaindesk.notifications;

import java.util.Map;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin sends a failed or uncertain message again: it goes back to the queue with its
 * attempts counted afresh and the same Message-ID. For an uncertain one, the admin is the
 * one who decides that a possible second copy is better than none.
 */
@Component
class ResendMessage {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final MailDelivery delivery;

	ResendMessage(JdbcClient jdbc, AuditLog audit, MailDelivery delivery) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.delivery = delivery;
	}

	@Transactional
	boolean resend(long id, Long agency) {
		Long agencyId = this.jdbc.sql("""
				update outgoing_message
				set status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_by = null, claimed_at = null
				where id = :id and status in ('FAILED', 'UNCERTAIN')
				  and (cast(:agency as bigint) is null or agency_id = :agency)
				returning coalesce(agency_id, -1)
				""").param("id", id).param("agency", agency).query(Long.class).optional().orElse(null);
		if (agencyId == null) {
			return false;
		}
		this.audit.record(new AuditEntry((agencyId < 0) ? null : agencyId, "MAIL_RESENT", null, Map.of("message", id),
				AuditOutcome.SUCCESS, null));
		Outbox.afterCommit(() -> this.delivery.deliver(id));
		return true;
	}

}
