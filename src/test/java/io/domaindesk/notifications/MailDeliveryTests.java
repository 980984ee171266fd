package io.domaindesk.notifications;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.TestDatabase;
import io.domaindesk.support.TestMail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * How one message goes out: off the writer's thread and transaction, claimed (committed)
 * before the SMTP conversation; against a server that refuses, retried with a doubling
 * wait and then failed, in front of the admins, who may send it again (audited). Each
 * test drives a delivery of its own (the shared context's one keeps polling the same
 * table, which is why every step makes its message due just before it is tried).
 */
@IntegrationTest
class MailDeliveryTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MailSettings settings;

	@Autowired
	MailRenderer renderer;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Test
	void aMessageIsSentAfterItsWriterCommittedOffItsThreadAndClaimedFirst() throws Exception {
		CompletableFuture<Seen> seen = new CompletableFuture<>();
		// Another connection than the application's: what every other instance sees.
		TestDatabase.Server server = TestDatabase.get();
		JdbcClient outside = JdbcClient
			.create(new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password()));
		String address = "claim-" + UUID.randomUUID() + "@client.test";
		JavaMailSenderImpl watching = new JavaMailSenderImpl() {
			@Override
			protected void doSend(MimeMessage[] messages, Object[] originals) {
				seen.complete(
						new Seen(Thread.currentThread(), TransactionSynchronizationManager.isActualTransactionActive(),
								outside.sql("select status from outgoing_message where recipient = :r")
									.param("r", address)
									.query(String.class)
									.single()));
				super.doSend(messages, originals);
			}
		};
		watching.setHost("127.0.0.1");
		watching.setPort(TestMail.port());
		MailDelivery delivery = new MailDelivery(this.jdbc, this.transactions, provider(watching), this.settings);
		Outbox outbox = new Outbox(this.jdbc, provider(watching), delivery, this.settings);
		try {
			this.transactions.executeWithoutResult((status) -> outbox.write(draft(address)));

			Seen during = seen.get(20, TimeUnit.SECONDS);
			assertThat(during.statusOutside()).as("the claim is committed before the send").isEqualTo("SENDING");
			assertThat(during.inTransaction()).as("no transaction around the SMTP conversation").isFalse();
			assertThat(during.thread()).as("not on the writer's thread").isNotSameAs(Thread.currentThread());
			TestMail.latestTo(address);
			// The SMTP server has the message before the sender's thread records it sent.
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(status(address)).isEqualTo("SENT"));
		}
		finally {
			delivery.close();
		}
	}

	@Test
	void aRefusingServerIsRetriedWithADoublingWaitThenTheMessageFailsAndAnAdminSendsItAgain() throws Exception {
		JavaMailSenderImpl nobody = new JavaMailSenderImpl();
		nobody.setHost("127.0.0.1");
		nobody.setPort(portWithNothingListening());
		nobody.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
		MailSettings three = new MailSettings(this.settings.from(), Duration.ofSeconds(10), 3, Duration.ofSeconds(30),
				Duration.ofHours(1), Duration.ofMinutes(10), "0 7 * * * *", "0 30 7 * * MON", this.settings.baseUrl());
		MailDelivery delivery = new MailDelivery(this.jdbc, this.transactions, provider(nobody), three);
		String address = "refused-" + UUID.randomUUID() + "@client.test";
		long id = pending(address);
		try {
			assertThat(tryNow(delivery, id)).isTrue();
			assertThat(attempt(id)).satisfies((a) -> {
				assertThat(a.status()).isEqualTo("PENDING");
				assertThat(a.attempts()).isEqualTo(1);
				assertThat(a.secondsToNext()).isBetween(25.0, 30.5);
				assertThat(a.lastError()).isNotBlank().hasSizeLessThanOrEqualTo(1000);
			});
			assertThat(delivery.deliverNow(id)).as("not due before its wait").isFalse();

			assertThat(tryNow(delivery, id)).isTrue();
			assertThat(attempt(id)).satisfies((a) -> {
				assertThat(a.status()).isEqualTo("PENDING");
				assertThat(a.attempts()).isEqualTo(2);
				assertThat(a.secondsToNext()).isBetween(55.0, 60.5);
			});

			assertThat(tryNow(delivery, id)).isTrue();
			Attempt last = attempt(id);
			assertThat(last.status()).isEqualTo("FAILED");
			assertThat(last.attempts()).isEqualTo(3);
			assertThat(last.lastError()).contains("Connection refused");
			assertThat(tryNow(delivery, id)).as("a failed message is never tried by itself").isFalse();
			assertThat(TestMail.to(address)).isEmpty();
		}
		finally {
			delivery.close();
		}

		// In front of the admins, with the reason.
		assertThat(this.mvc.get()
			.uri("/admin/outbox?status=FAILED")
			.with(user(this.users.findByUsername("alice").orElseThrow()))).hasStatusOk()
			.bodyText()
			.contains("id=\"outbox-failed\"", "id=\"message-" + id + "\"", address, "Connection refused");
		assertThat(this.mvc.get()
			.uri("/admin/outbox/{id}", id)
			.with(user(this.users.findByUsername("alice").orElseThrow()))).hasStatusOk()
			.bodyText()
			.contains("/admin/outbox/" + id + "/resend", "Connection refused");

		// Sent again by an admin: audited, and delivered by the application (its server
		// answers).
		long audits = resentAudits(id);
		assertThat(this.mvc.post()
			.uri("/admin/outbox/{id}/resend", id)
			.with(user(this.users.findByUsername("alice").orElseThrow()))
			.with(csrf())).hasRedirectedUrl("/admin/outbox/" + id);
		assertThat(resentAudits(id)).isEqualTo(audits + 1);
		assertThat(TestMail.subject(TestMail.latestTo(address))).isEqualTo("Refused " + address);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(address).equals("SENT"));
	}

	@Test
	void aMessageTheServerAcceptedIsSentEvenWhenTheGoodbyeFails() throws Exception {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
			Thread server = new Thread(() -> acceptThenReset(socket, accepted), "smtp-reset");
			server.setDaemon(true);
			server.start();
			JavaMailSenderImpl resetting = new JavaMailSenderImpl();
			resetting.setHost("127.0.0.1");
			resetting.setPort(socket.getLocalPort());
			resetting.getJavaMailProperties().put("mail.smtp.timeout", "5000");
			MailDelivery delivery = new MailDelivery(this.jdbc, this.transactions, provider(resetting), this.settings);
			String address = "goodbye-" + UUID.randomUUID() + "@client.test";
			long id = pending(address);
			try {
				assertThat(tryNow(delivery, id)).isTrue();
				assertThat(accepted.get()).isEqualTo(1);
				Attempt after = attempt(id);
				assertThat(after.status()).as("accepted by the server: not to be sent again").isEqualTo("SENT");
				assertThat(after.attempts()).isEqualTo(1);
				assertThat(tryNow(delivery, id)).isFalse();
				assertThat(accepted.get()).isEqualTo(1);
			}
			finally {
				delivery.close();
			}
		}
	}

	/**
	 * A server that accepts one message, then resets the connection instead of answering
	 * the client's QUIT.
	 */
	private static void acceptThenReset(ServerSocket socket, java.util.concurrent.atomic.AtomicInteger accepted) {
		try (java.net.Socket client = socket.accept()) {
			java.io.BufferedReader in = new java.io.BufferedReader(
					new java.io.InputStreamReader(client.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
			java.io.Writer out = new java.io.OutputStreamWriter(client.getOutputStream(),
					java.nio.charset.StandardCharsets.US_ASCII);
			out.write("220 reset.test ESMTP\r\n");
			out.flush();
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO") || command.startsWith("MAIL")
						|| command.startsWith("RCPT")) {
					out.write("250 OK\r\n");
				}
				else if (command.startsWith("DATA")) {
					out.write("354 go on\r\n");
					out.flush();
					while (!".".equals(in.readLine())) {
						// the message
					}
					accepted.incrementAndGet();
					out.write("250 accepted\r\n");
					out.flush();
					Thread.sleep(300);
					client.setSoLinger(true, 0);
					return;
				}
				else {
					out.write("250 OK\r\n");
				}
				out.flush();
			}
		}
		catch (Exception ex) {
			// the test reads what was accepted
		}
	}

	/** Makes the message due and tries it at once. */
	private boolean tryNow(MailDelivery delivery, long id) {
		this.jdbc.sql("update outgoing_message set next_attempt_at = now() where id = :id and status = 'PENDING'")
			.param("id", id)
			.update();
		return delivery.deliverNow(id);
	}

	private long pending(String address) {
		return this.jdbc.sql("""
				insert into outgoing_message (message_key, message_id, agency_id, kind, recipient, locale, subject,
				  text_body, html_body, status, next_attempt_at)
				values (:key, :mid, (select id from agency where name = 'Agence Exemple'), 'CONSENT_REQUEST', :to, 'fr',
				  :subject, 'Bonjour', '<p>Bonjour</p>', 'PENDING', now() + interval '1 hour')
				returning id
				""")
			.param("key", "test:" + UUID.randomUUID())
			.param("mid", "<" + UUID.randomUUID() + "@test>")
			.param("to", address)
			.param("subject", "Refused " + address)
			.query(Long.class)
			.single();
	}

	private Attempt attempt(long id) {
		return this.jdbc
			.sql("""
					select status, attempts, extract(epoch from next_attempt_at - now())::float8 as seconds_to_next, last_error
					from outgoing_message where id = :id
					""")
			.param("id", id)
			.query(Attempt.class)
			.single();
	}

	private String status(String address) {
		return this.jdbc.sql("select status from outgoing_message where recipient = :r")
			.param("r", address)
			.query(String.class)
			.single();
	}

	private long resentAudits(long id) {
		return this.jdbc.sql("""
				select count(*) from audit_event
				where action = 'MAIL_RESENT' and actor = 'alice' and details ->> 'message' = :id
				""").param("id", String.valueOf(id)).query(Long.class).single();
	}

	private Outbox.Draft draft(String address) {
		long agency = this.jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		return new Outbox.Draft("test:" + UUID.randomUUID(), agency, MessageKind.CONSENT_REQUEST, address,
				Locale.FRENCH, new MailRenderer.Rendered("Claimed " + address, "Bonjour\n", "<p>Bonjour</p>"), null);
	}

	private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
		return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
	}

	private static int portWithNothingListening() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	record Seen(Thread thread, boolean inTransaction, String statusOutside) {
	}

	record Attempt(String status, int attempts, double secondsToNext, String lastError) {
	}

}
