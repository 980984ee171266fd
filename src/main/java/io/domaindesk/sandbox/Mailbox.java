package io.domaindesk.sandbox;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the sandbox "sends" its e-mails: tokens only ever reach clients through here.
 */
@Component
@ConditionalOnSandbox
class Mailbox {

	private final JdbcClient jdbc;

	private final SandboxClock clock;

	Mailbox(JdbcClient jdbc, SandboxClock clock, SandboxSchema schema) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void send(String recipient, String subject, String kind, Long taskId, String token, String party, String body) {
		send(recipient, subject, kind, taskId, token, party, body, List.of());
	}

	/**
	 * Also readable by the recipient's and the task's accounts (see V7_1), plus
	 * {@code alsoFor}.
	 */
	void send(String recipient, String subject, String kind, Long taskId, String token, String party, String body,
			Collection<String> alsoFor) {
		this.jdbc.sql("""
				insert into ovh_sandbox.mail (sent_at, recipient, subject, kind, task_id, token, party, body, audience)
				values (?, ?, ?, ?, ?, ?, ?, ?, array(select distinct x from unnest(array[?] || ?::text[] || coalesce(
				    (select o.parties from ovh_sandbox.object o
				     where o.id = ?::text and o.kind in ('contactChange', 'domainTask')), '{}')) as x))""")
			.params(Timestamp.from(this.clock.now()), recipient, subject, kind, taskId, token, party, body,
					Nichandles.normalise(recipient), alsoFor.toArray(String[]::new), taskId)
			.update();
	}

	List<SandboxMail> latest(String recipient, int limit) {
		return latest(recipient, null, limit);
	}

	/**
	 * @param accounts the accounts whose mail may be shown; null for every mail
	 */
	List<SandboxMail> latest(String recipient, Collection<String> accounts, int limit) {
		String[] readers = (accounts != null) ? accounts.toArray(String[]::new) : null;
		boolean one = recipient != null && !recipient.isBlank();
		return this.jdbc
			.sql("""
					select * from ovh_sandbox.mail
					where (cast(? as text) is null or recipient = ?) and (cast(? as text[]) is null or audience && cast(? as text[]))
					order by id desc limit ?""")
			.params(one ? recipient.trim() : null, one ? recipient.trim() : null, readers, readers, limit)
			.query(Mailbox::mail)
			.list();
	}

	private static SandboxMail mail(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SandboxMail(rs.getLong("id"), rs.getTimestamp("sent_at").toInstant(), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("kind"), (Long) rs.getObject("task_id"), rs.getString("token"),
				rs.getString("party"), rs.getString("body"));
	}

	List<SandboxMail> forTask(long taskId) {
		return this.jdbc.sql("select * from ovh_sandbox.mail where task_id = ? order by id")
			.param(taskId)
			.query(Mailbox::mail)
			.list();
	}

}
