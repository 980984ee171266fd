package io.domaindesk.notifications;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.TestMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * {@code /admin/outbox}: an agency admin sees the messages of their agency only, the
 * platform admin all; a failed message is in front and can be sent again.
 */
@IntegrationTest
class OutboxPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Test
	void agencyAdminsSeeTheirAgencysMessagesAndSendAFailedOneAgain() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long mine = message("Agence Exemple", "owner-" + tag + "@client.test", "Exemple subject " + tag, "FAILED");
		long theirs = message("Studio Nord", "nord-" + tag + "@client.test", "Nord subject " + tag, "SENT");

		assertThat(this.mvc.get().uri("/admin/outbox").with(user(this.users.findByUsername("alice").orElseThrow())))
			.hasStatusOk()
			.bodyText()
			.contains("Exemple subject " + tag, "outbox-failed")
			.doesNotContain("Nord subject " + tag);
		assertThat(this.mvc.get()
			.uri("/admin/outbox/{id}", theirs)
			.with(user(this.users.findByUsername("alice").orElseThrow()))).hasStatus(404);
		assertThat(this.mvc.get().uri("/admin/outbox").with(user(this.users.findByUsername("root").orElseThrow())))
			.hasStatusOk()
			.bodyText()
			.contains("Exemple subject " + tag, "Nord subject " + tag);
		assertThat(this.mvc.get()
			.uri("/admin/outbox/{id}/html", mine)
			.with(user(this.users.findByUsername("alice").orElseThrow()))).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
			.headers()
			.hasValue("Content-Security-Policy",
					"default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
							+ "frame-ancestors 'none'");
		assertThat(this.mvc.get().uri("/admin/outbox").with(user(this.users.findByUsername("bob").orElseThrow())))
			.hasStatus(403);

		assertThat(this.mvc.post()
			.uri("/admin/outbox/{id}/resend", mine)
			.with(user(this.users.findByUsername("alice").orElseThrow()))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(TestMail.subject(TestMail.latestTo("owner-" + tag + "@client.test")))
			.isEqualTo("Exemple subject " + tag);
		// Marked once the server's answer is in, on the mail thread.
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select status from outgoing_message where id = :id")
				.param("id", mine)
				.query(String.class)
				.single()
				.equals("SENT"));
	}

	private long message(String agency, String recipient, String subject, String status) {
		return this.jdbc.sql("""
				insert into outgoing_message (message_key, message_id, agency_id, kind, recipient, locale, subject,
				  text_body, html_body, status, attempts, last_error)
				values (:key, :mid, (select id from agency where name = :agency), 'CONSENT_REQUEST', :to, 'fr',
				  :subject, 'Bonjour', '<p>Bonjour</p>', :status, 6, 'Connection refused')
				returning id
				""")
			.param("key", "test:" + UUID.randomUUID())
			.param("mid", "<" + UUID.randomUUID() + "@test>")
			.param("agency", agency)
			.param("to", recipient)
			.param("subject", subject)
			.param("status", status)
			.query(Long.class)
			.single();
	}

}
