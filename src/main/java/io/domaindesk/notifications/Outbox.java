package io.domaindesk.notifications;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes messages in the transaction that causes them; {@link MailDelivery} sends them
 * once it has committed. A message has a key saying what it is (this consent link, this
 * task's reminder, this week's digest for this user): a second write of the same key
 * writes nothing, which makes every writer safe to run twice, on two instances, or again
 * after a restart.
 */
@Component
class Outbox {

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> smtp;

	private final MailDelivery delivery;

	private final MailSettings settings;

	Outbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp, MailDelivery delivery, MailSettings settings) {
		this.jdbc = jdbc;
		this.smtp = smtp;
		this.delivery = delivery;
		this.settings = settings;
	}

	/**
	 * The new message's id, or nothing when a message with this key was already written.
	 * Without an SMTP server (the local demo) the message is kept as not sent, for the
	 * outbox page.
	 */
	@Transactional
	Optional<Long> write(Draft draft) {
		String status = (this.smtp.getIfAvailable() != null) ? "PENDING" : "NOT_SENT";
		Optional<Long> id = this.jdbc.sql("""
				insert into outgoing_message (message_key, message_id, agency_id, kind, recipient, locale, subject,
				    text_body, html_body, secret, status)
				values (:key, :messageId, :agency, :kind, :recipient, :locale, :subject, :text, :html, :secret, :status)
				on conflict (message_key) do nothing
				returning id
				""")
			.param("key", draft.key())
			.param("messageId", "<" + UUID.randomUUID() + "." + domainOf(this.settings.from()) + ">")
			.param("agency", draft.agencyId())
			.param("kind", draft.kind().name())
			.param("recipient", draft.recipient())
			.param("locale", draft.locale().getLanguage())
			.param("subject", truncate(draft.content().subject(), 300))
			.param("text", draft.content().text())
			.param("html", draft.content().html())
			.param("secret", draft.secret())
			.param("status", status)
			.query(Long.class)
			.optional();
		if (id.isPresent() && status.equals("PENDING")) {
			afterCommit(() -> this.delivery.deliver(id.get()));
		}
		return id;
	}

	static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	private static String domainOf(String address) {
		int at = address.lastIndexOf('@');
		return (at >= 0) ? address.substring(at + 1) : "domaindesk";
	}

	private static String truncate(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max - 1) + "…";
	}

	/**
	 * A message to write.
	 *
	 * @param key what the message is, unique
	 * @param agencyId the agency whose admins see it on the outbox page ({@code null}:
	 * platform admins only)
	 * @param kind what it is about
	 * @param recipient the address
	 * @param locale the recipient's language
	 * @param content subject and bodies
	 * @param secret a part of the bodies blanked once delivered, or {@code null}
	 */
	record Draft(String key, Long agencyId, MessageKind kind, String recipient, Locale locale,
			MailRenderer.Rendered content, String secret) {
	}

}
