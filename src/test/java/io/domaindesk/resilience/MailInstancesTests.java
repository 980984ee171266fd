package io.domaindesk.resilience;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.domaindesk.clients.ConsentRequested;
import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.TestDatabase;
import io.domaindesk.support.TestMail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances deliver the same outbox (a database of their own, the shared in-process
 * SMTP server): every message arrives once, counted by its Message-ID at the server; an
 * instance stopped in the middle of the work and started again leaves nothing sent twice
 * and nothing behind; a message the server accepted but whose sending instance could not
 * record it is shown as uncertain and never sent again by itself.
 */
@Tag("resilience")
class MailInstancesTests {

	/** What makes a message "sent but not recorded": the record of its delivery fails. */
	private static final String CRASH_PREFIX = "crash-";

	private static String database;

	private static String url;

	private static AppInstance a;

	private static AppInstance b;

	private static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		TestDatabase.Server server = TestDatabase.get();
		database = "mail_instances_" + System.nanoTime();
		url = server.createDatabase(database);
		jdbc = JdbcClient.create(new DriverManagerDataSource(url, server.username(), server.password()));
		// A statement whose client is gone is abandoned, not finished by the database
		// alone: an instance that stops while it records a delivery leaves the message
		// claimed, as one that stops in the SMTP conversation would.
		jdbc.sql("alter database " + database + " set client_connection_check_interval = '100ms'").update();
		a = start("mail-a");
		b = start("mail-b");
	}

	@AfterAll
	static void stop() {
		AppInstance.stopAll(database, b, a);
	}

	private static AppInstance start(String name) {
		TestDatabase.Server server = TestDatabase.get();
		Map<String, String> settings = new HashMap<>(TestMail.springMailArguments());
		settings.put("domaindesk.mail.poll-interval", "200ms");
		settings.put("domaindesk.mail.sending-timeout", "3s");
		return AppInstance.start(name, url, server.username(), server.password(), settings);
	}

	@Test
	void bothInstancesDeliverTheSameOutboxAndEachMessageArrivesOnce() {
		String tag = "once-" + UUID.randomUUID().toString().substring(0, 8);
		int count = 200;
		// Due together in a second: both instances' polls go for the same rows.
		pending(tag, count, "1 second");

		awaitAllSent(tag, count);
		Map<String, Long> copies = copiesAtTheServer(tag);
		assertThat(copies).hasSize(count).allSatisfy((messageId, n) -> assertThat(n).as(messageId).isEqualTo(1));
		assertThat(jdbc.sql("select count(distinct claimed_by) from outgoing_message where message_key like :k")
			.param("k", tag + ":%")
			.query(Long.class)
			.single()).as("both instances delivered some").isEqualTo(2);
	}

	@Test
	void anInstanceStoppedMidWorkAndStartedAgainSendsNothingTwiceAndLeavesNothingBehind() {
		String tag = "restart-" + UUID.randomUUID().toString().substring(0, 8);
		int outbox = 300;
		int events = 300;
		long agency = jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		// Consent requests whose messages A cannot write (its listener fails, as when the
		// database refuses for a while): A stops with their publications incomplete. The
		// refusals are counted in a sequence, which a rollback does not undo.
		jdbc.sql("create sequence if not exists mail_test_refusals").update();
		jdbc.sql("""
				create or replace function mail_test_refuse() returns trigger language plpgsql as $$
				begin
				  if new.recipient like '%-consent-%' then
				    perform nextval('mail_test_refusals');
				    raise exception 'outbox unavailable';
				  end if;
				  return new;
				end $$
				""").update();
		jdbc.sql("""
				create trigger mail_test_refuse before insert on outgoing_message
				for each row execute function mail_test_refuse()
				""").update();
		List<ConsentRequested> requested = java.util.stream.IntStream.range(0, events)
			.mapToObj((i) -> new ConsentRequested(UUID.randomUUID(), agency, "Agence Exemple", tag + "-" + i + ".fr",
					tag + "-consent-" + i + "@client.test", "Owner " + i, Locale.FRENCH,
					URI.create("http://localhost:8080/consent/" + tag + "-" + i),
					Instant.now().plus(Duration.ofDays(7)), false))
			.toList();
		a.bean(TransactionTemplate.class)
			.executeWithoutResult((status) -> requested.forEach((event) -> a.context().publishEvent(event)));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select case when is_called then last_value else 0 end from mail_test_refusals")
				.query(Long.class)
				.single() >= events);
		// And messages both instances are delivering when A stops. A records each
		// delivery slowly, so that A has messages in hand when it is told to stop: one
		// on its poll, and one on its own mail thread (written by A's listener, handed
		// to that thread on commit), recorded slower still. A closing instance must
		// finish them, not leave them claimed.
		String stopped = instanceName(a);
		String inHand = tag + "-in-hand@client.test";
		jdbc.sql("""
				create or replace function mail_test_slow() returns trigger language plpgsql as $$
				begin
				  perform pg_sleep(case when new.recipient = '%s' then 1.5 else 0.2 end);
				  return new;
				end $$
				""".formatted(inHand)).update();
		jdbc.sql("""
				create trigger mail_test_slow before update on outgoing_message
				for each row when (new.status = 'SENT' and old.claimed_by = '%s')
				execute function mail_test_slow()
				""".formatted(stopped)).update();
		pending(tag, outbox, "0 seconds");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> sent("message_key like '" + tag + ":%'") >= 10
					&& sent("claimed_by = '" + stopped + "' and message_key like '" + tag + ":%'") >= 1);
		a.bean(TransactionTemplate.class)
			.executeWithoutResult((status) -> a.context()
				.publishEvent(new ConsentRequested(UUID.randomUUID(), agency, "Agence Exemple", tag + "-in-hand.fr",
						inHand, "Owner in hand", Locale.FRENCH, URI.create("http://localhost:8080/consent/" + tag),
						Instant.now().plus(Duration.ofDays(7)), false)));
		// Due after the outbox's 300, the polls come to it last: A's mail thread takes
		// it.
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc
				.sql("select count(*) from outgoing_message where recipient = :r and status = 'SENDING'"
						+ " and claimed_by = :a")
				.param("r", inHand)
				.param("a", stopped)
				.query(Long.class)
				.single() == 1
					&& jdbc.sql("select count(*) from event_publication").query(Long.class).single() == events);
		List<Long> heldAtClose = jdbc
			.sql("select id from outgoing_message where claimed_by = :a and status = 'SENDING'")
			.param("a", stopped)
			.query(Long.class)
			.list();
		a.close();
		a = null;
		jdbc.sql("drop trigger mail_test_refuse on outgoing_message").update();
		jdbc.sql("drop trigger mail_test_slow on outgoing_message").update();
		long incomplete = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		assertThat(incomplete).as("A stopped with every consent message unwritten").isEqualTo(events);
		assertThat(heldAtClose).as("messages A had in hand when it was told to stop").isNotEmpty();
		assertThat(jdbc.sql("select status from outgoing_message where id in (:ids) and claimed_by = :a")
			.param("ids", heldAtClose)
			.param("a", stopped)
			.query(String.class)
			.list()).as("messages A had in hand when it was told to stop, after it stopped")
			.hasSize(heldAtClose.size())
			.containsOnly("SENT");
		assertThat(statusOf(inHand)).as("the message on A's mail thread when it was told to stop").isEqualTo("SENT");
		long leftInHand = jdbc.sql("select count(*) from outgoing_message where claimed_by = :a and status = 'SENDING'")
			.param("a", stopped)
			.query(Long.class)
			.single();
		assertThat(leftInHand).as("messages A had in hand when it stopped and left claimed").isZero();

		a = start("mail-a-again");
		awaitAllSent(tag, outbox);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("select count(*) from event_publication").query(Long.class).single() == 0
					&& sent("recipient like '" + tag + "-consent-%'") == events);
		assertThat(copiesAtTheServer(tag)).hasSize(outbox + events + 1)
			.allSatisfy((messageId, n) -> assertThat(n).as(messageId).isEqualTo(1));
		for (ConsentRequested event : requested.subList(0, 20)) {
			assertThat(TestMail.to(event.recipientEmail())).hasSize(1);
		}
		assertThat(jdbc.sql("select count(*) from outgoing_message where status in ('UNCERTAIN', 'SENDING')")
			.query(Long.class)
			.single()).as("nothing left claimed by the stopped instance").isZero();
	}

	@Test
	void aMessageTheServerAcceptedButNobodyRecordedIsUncertainAndNeverSentAgain() {
		String tag = CRASH_PREFIX + UUID.randomUUID().toString().substring(0, 8);
		// The instance's record of the server's answer fails, as when it dies right
		// after.
		jdbc.sql("""
				create or replace function mail_test_crash() returns trigger language plpgsql as $$
				begin
				  if new.status = 'SENT' and new.recipient like 'crash-%' then
				    raise exception 'instance gone before recording the delivery';
				  end if;
				  return new;
				end $$
				""").update();
		jdbc.sql("""
				create trigger mail_test_crash before update on outgoing_message
				for each row execute function mail_test_crash()
				""").update();
		try {
			pending(tag, 1, "0 seconds");
			String address = tag + "-outbox-0@client.test";
			TestMail.latestTo(address);
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "UNCERTAIN".equals(statusOf(address)));
			// Several polls of both instances later: still the one copy.
			Awaitility.await()
				.during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(6))
				.until(() -> TestMail.to(address).size() == 1 && "UNCERTAIN".equals(statusOf(address)));

			// In front of the admins, with the reason and the choice to send it again.
			BrowserSession alice = BrowserSession.loggedIn(b.port(), "alice", "demo-password");
			HttpResponse<String> list = alice.get("/admin/outbox?status=UNCERTAIN");
			assertThat(list.body()).contains(address, "uncertain", "stopped before the SMTP server");
			long id = jdbc.sql("select id from outgoing_message where recipient = :r")
				.param("r", address)
				.query(Long.class)
				.single();
			assertThat(alice.get("/admin/outbox/" + id).body()).contains("/admin/outbox/" + id + "/resend");
		}
		finally {
			jdbc.sql("drop trigger if exists mail_test_crash on outgoing_message").update();
		}
	}

	/**
	 * The name an instance claims messages with ({@code outgoing_message.claimed_by}).
	 */
	private static String instanceName(AppInstance instance) {
		try {
			Object delivery = instance.bean(Class.forName("io.domaindesk.notifications.MailDelivery"));
			Object target = AopTestUtils.getUltimateTargetObject(delivery);
			return (String) ReflectionTestUtils.getField(target, "instance");
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Messages written for {@code tag}, due after {@code delay}. */
	private static void pending(String tag, int count, String delay) {
		jdbc.sql(
				"""
						insert into outgoing_message (message_key, message_id, agency_id, kind, recipient, locale, subject,
						  text_body, html_body, status, next_attempt_at)
						select :tag || ':' || i, '<' || :tag || '-' || i || '@mail.test>',
						  (select id from agency where name = 'Agence Exemple'), 'WEEKLY_DIGEST', :tag || '-outbox-' || i || '@client.test',
						  'fr', 'Message ' || i, 'Bonjour ' || i, '<p>Bonjour ' || i || '</p>', 'PENDING',
						  now() + cast(:delay as interval)
						from generate_series(0, :count - 1) as i
						""")
			.param("tag", tag)
			.param("count", count)
			.param("delay", delay)
			.update();
	}

	private static void awaitAllSent(String tag, int count) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> sent("message_key like '" + tag + ":%'") == count);
	}

	private static long sent(String where) {
		return jdbc.sql("select count(*) from outgoing_message where status = 'SENT' and " + where)
			.query(Long.class)
			.single();
	}

	private static String statusOf(String recipient) {
		return jdbc.sql("select status from outgoing_message where recipient = :r")
			.param("r", recipient)
			.query(String.class)
			.single();
	}

	/**
	 * How many copies of each message for {@code tag} the server received, by Message-ID.
	 */
	private static Map<String, Long> copiesAtTheServer(String tag) {
		return Arrays.stream(TestMail.server().getReceivedMessages())
			.filter((message) -> recipients(message).startsWith(tag))
			.collect(Collectors.groupingBy(MailInstancesTests::messageId, Collectors.counting()));
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Object::toString).collect(Collectors.joining(","));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
