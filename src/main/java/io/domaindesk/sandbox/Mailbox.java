package io.domaindesk.sandbox;

import java.sql.Timestamp;
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
		this.jdbc.sql("""
				insert into ovh_sandbox.mail (sent_at, recipient, subject, kind, task_id, token, party, body)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(this.clock.now()), recipient, subject, kind, taskId, token, party, body)
			.update();
	}

	List<SandboxMail> latest(String recipient, int limit) {
		if (recipient == null || recipient.isBlank()) {
			return this.jdbc.sql("select * from ovh_sandbox.mail order by id desc limit ?")
				.param(limit)
				.query(Mailbox::mail)
				.list();
		}
		return this.jdbc.sql("select * from ovh_sandbox.mail where recipient = ? order by id desc limit ?")
			.params(recipient.trim(), limit)
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
