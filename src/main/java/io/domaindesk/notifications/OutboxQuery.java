package io.domaindesk.notifications;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as admins read it: an agency admin sees the messages of their agency, the
 * platform admin every message ({@code agency == null} below).
 */
@Component
class OutboxQuery {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	OutboxQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page page(Long agency, String status, int page) {
		String where = """
				where (cast(:agency as bigint) is null or m.agency_id = :agency)
				  and (cast(:status as varchar) is null or m.status = :status)
				""";
		long total = this.jdbc.sql("select count(*) from outgoing_message m " + where)
			.param("agency", agency)
			.param("status", status)
			.query(Long.class)
			.single();
		List<Row> rows = this.jdbc.sql("""
				select m.id, m.created_at, a.name as agency_name, m.kind, m.recipient, m.subject, m.status, m.attempts,
				       m.sent_at, m.last_error
				from outgoing_message m left join agency a on a.id = m.agency_id
				""" + where + " order by m.created_at desc, m.id desc offset :offset limit :limit")
			.param("agency", agency)
			.param("status", status)
			.param("offset", (long) (page - 1) * PAGE_SIZE)
			.param("limit", PAGE_SIZE)
			.query(Row.class)
			.list();
		return new Page(rows, Math.max(1, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE)), total);
	}

	Optional<Message> find(long id, Long agency) {
		return this.jdbc.sql("""
				select m.id, m.created_at, a.name as agency_name, m.kind, m.recipient, m.locale, m.subject, m.text_body,
				       m.html_body, m.status, m.attempts, m.next_attempt_at, m.sent_at, m.last_error, m.message_id
				from outgoing_message m left join agency a on a.id = m.agency_id
				where m.id = :id and (cast(:agency as bigint) is null or m.agency_id = :agency)
				""").param("id", id).param("agency", agency).query(Message.class).optional();
	}

	/** How many messages did not go and wait for an admin (failed or uncertain). */
	long failed(Long agency) {
		return this.jdbc.sql("""
				select count(*) from outgoing_message
				where status in ('FAILED', 'UNCERTAIN') and (cast(:agency as bigint) is null or agency_id = :agency)
				""").param("agency", agency).query(Long.class).single();
	}

	record Page(List<Row> rows, int pages, long total) {
	}

	record Row(long id, OffsetDateTime createdAt, String agencyName, String kind, String recipient, String subject,
			String status, int attempts, OffsetDateTime sentAt, String lastError) {
	}

	record Message(long id, OffsetDateTime createdAt, String agencyName, String kind, String recipient, String locale,
			String subject, String textBody, String htmlBody, String status, int attempts, OffsetDateTime nextAttemptAt,
			OffsetDateTime sentAt, String lastError, String messageId) {

		/** A message that did not go and may be tried again by an admin. */
		public boolean retriable() {
			return this.status.equals("FAILED") || this.status.equals("UNCERTAIN");
		}

	}

}
