package io.domaindesk.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers written messages, each at most once.
 * <p>
 * A message is claimed ({@code SENDING}, by this instance) in a transaction of its own
 * that commits before the SMTP conversation starts, under a row lock that another
 * instance skips. Only after the server accepted it is it marked {@code SENT}. A failure
 * the server reports puts it back to {@code PENDING} with a doubling wait, and after the
 * last attempt to {@code FAILED}, shown to the admins. An instance that dies between the
 * server's acceptance and that mark leaves the message claimed: after
 * {@code sending-timeout} it is marked {@code UNCERTAIN} (perhaps delivered, perhaps not)
 * and never sent again by itself; an admin may send it again from the outbox page. That
 * is the guarantee: never twice, and every message that could not be confirmed is in
 * front of an admin. A closing instance finishes the message in hand before it stops.
 * <p>
 * The SMTP conversation never happens in a caller's transaction nor on its thread: a
 * message written by a request, a listener or a reminder loop is handed to this
 * instance's own mail thread once the writer has committed ({@link #deliver(long)}), so a
 * slow or absent server holds neither a connection nor a loop, and the claim really is
 * committed before the server is spoken to (inside a caller's {@code afterCommit} a plain
 * transaction would join the finished one and commit only after the send).
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private static final String REDACTED = "[…]";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectProvider<JavaMailSender> smtp;

	private final MailSettings settings;

	private final String instance = instanceName();

	// Deliveries hold the read side; a closing instance takes the write side to wait
	// for the messages in hand.
	private final ReadWriteLock inHand = new ReentrantReadWriteLock();

	private volatile boolean closing;

	// One thread: messages written by others are sent one after another, off their
	// threads.
	private final ExecutorService mailThread = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "mail-delivery");
		thread.setDaemon(true);
		return thread;
	});

	MailDelivery(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> smtp,
			MailSettings settings) {
		this.jdbc = jdbc;
		// A claim of its own, committed before the send, whoever calls.
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.smtp = smtp;
		this.settings = settings;
	}

	/** Sends every due message, then gives up claims nobody will ever settle. */
	@Scheduled(initialDelayString = "${domaindesk.mail.poll-interval:10s}",
			fixedDelayString = "${domaindesk.mail.poll-interval:10s}")
	void deliverDue() {
		if (this.smtp.getIfAvailable() == null) {
			return;
		}
		markUncertain();
		while (!this.closing && deliverOne(null)) {
			// one message after another until none is due
		}
	}

	/**
	 * Sends this message soon, on the mail thread, if it is due and nobody holds it then.
	 */
	void deliver(long id) {
		if (this.closing) {
			return;
		}
		try {
			this.mailThread.execute(() -> deliverNow(id));
		}
		catch (RejectedExecutionException ex) {
			// Closing: the next poll (of this instance or another) sends it.
		}
	}

	/** Sends this message now if it is due and nobody holds it; whether it was tried. */
	boolean deliverNow(long id) {
		try {
			return deliverOne(id);
		}
		catch (RuntimeException ex) {
			// Left as it is: the poll (or the sending timeout) settles it.
			log.warn("Message {} not delivered now: {}", id, ex.getMessage());
			return false;
		}
	}

	private boolean deliverOne(Long id) {
		JavaMailSender sender = this.smtp.getIfAvailable();
		if (sender == null || !this.inHand.readLock().tryLock()) {
			return false;
		}
		try {
			if (this.closing) {
				return false;
			}
			Optional<Claimed> claimed = claim(id);
			claimed.ifPresent((message) -> send(sender, message));
			return claimed.isPresent();
		}
		finally {
			this.inHand.readLock().unlock();
		}
	}

	private Optional<Claimed> claim(Long id) {
		return this.transactions.execute((status) -> {
			Optional<Claimed> next = this.jdbc.sql("""
					select id, message_id, recipient, subject, text_body, html_body, attempts
					from outgoing_message
					where status = 'PENDING' and next_attempt_at <= now() and (cast(:id as bigint) is null or id = :id)
					order by next_attempt_at, id
					limit 1
					for update skip locked
					""").param("id", id).query(Claimed.class).optional();
			next.ifPresent((message) -> this.jdbc.sql("""
					update outgoing_message
					set status = 'SENDING', claimed_by = :me, claimed_at = now(), attempts = attempts + 1
					where id = :id
					""").param("me", this.instance).param("id", message.id()).update());
			return next;
		});
	}

	private void send(JavaMailSender sender, Claimed message) {
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
			helper.setFrom(this.settings.from());
			helper.setTo(message.recipient());
			helper.setSubject(message.subject());
			helper.setText(message.textBody(), message.htmlBody());
			// Kept by JavaMailSenderImpl: the same id on every attempt.
			mime.setHeader("Message-ID", message.messageId());
			sender.send(mime);
		}
		catch (MailSendException ex) {
			if (!acceptedBeforeTheFailure(ex)) {
				failed(message, ex);
				return;
			}
			log.warn("Message {} to {} accepted by the server; closing the connection failed: {}", message.id(),
					message.recipient(), ex.getMessage());
		}
		catch (Exception ex) {
			failed(message, ex);
			return;
		}
		this.jdbc.sql("""
				update outgoing_message
				set status = 'SENT', sent_at = now(), last_error = null,
				    text_body = case when secret is null then text_body else replace(text_body, secret, :redacted) end,
				    html_body = case when secret is null then html_body else replace(html_body, secret, :redacted) end,
				    secret = null
				where id = :id and claimed_by = :me and status in ('SENDING', 'UNCERTAIN')
				""").param("redacted", REDACTED).param("id", message.id()).param("me", this.instance).update();
	}

	/**
	 * Whether the server had accepted the message when the exception came: Spring's
	 * sender lists every message the server refused or never got, and lists none when
	 * only the goodbye after an accepted message failed. Sending that one again would
	 * deliver it twice.
	 */
	private static boolean acceptedBeforeTheFailure(MailSendException ex) {
		return ex.getFailedMessages().isEmpty();
	}

	private void failed(Claimed message, Exception ex) {
		int attempts = message.attempts() + 1;
		boolean last = attempts >= this.settings.maxAttempts();
		Duration wait = this.settings.backoffAfter(attempts);
		log.warn("Message {} to {} not delivered (attempt {}): {}", message.id(), message.recipient(), attempts,
				ex.getMessage());
		this.jdbc.sql("""
				update outgoing_message
				set status = :status, last_error = :error,
				    next_attempt_at = now() + make_interval(secs => :wait)
				where id = :id and claimed_by = :me and status = 'SENDING'
				""")
			.param("status", last ? "FAILED" : "PENDING")
			.param("error", inWords(ex))
			.param("wait", (double) wait.toMillis() / 1000)
			.param("id", message.id())
			.param("me", this.instance)
			.update();
	}

	private void markUncertain() {
		int count = this.jdbc.sql("""
				update outgoing_message
				set status = 'UNCERTAIN',
				    last_error = 'The instance sending it stopped before the SMTP server''s answer was recorded.'
				where status = 'SENDING' and claimed_at < now() - make_interval(secs => :timeout)
				""").param("timeout", (double) this.settings.sendingTimeout().toSeconds()).update();
		if (count > 0) {
			log.warn("{} message(s) left claimed by a stopped instance are now marked uncertain", count);
		}
	}

	/** Stops claiming and waits for the messages in hand, so that none stays claimed. */
	@EventListener(ContextClosedEvent.class)
	void close() throws InterruptedException {
		this.closing = true;
		this.mailThread.shutdown();
		if (this.inHand.writeLock().tryLock(30, TimeUnit.SECONDS)) {
			this.inHand.writeLock().unlock();
		}
	}

	private static String inWords(Exception ex) {
		String text = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return (text.length() <= 1000) ? text : text.substring(0, 1000);
	}

	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "host";
		}
		String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
		return (name.length() <= 64) ? name : name.substring(name.length() - 64);
	}

	record Claimed(long id, String messageId, String recipient, String subject, String textBody, String htmlBody,
			int attempts) {
	}

}
