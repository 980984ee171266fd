package io.domaindesk.notifications;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail settings ({@code domaindesk.mail.*}). The SMTP server itself is Spring
 * Boot's {@code spring.mail.*}: without {@code spring.mail.host} nothing is sent and
 * {@code /admin/outbox} shows each message as it would have been delivered.
 *
 * @param from the sender of every message
 * @param pollInterval how often due messages are looked for (a message is also tried at
 * once after the transaction that writes it)
 * @param maxAttempts attempts before a message is marked failed for the admins
 * @param firstBackoff the wait after the first failed attempt, doubled after each
 * @param maxBackoff the longest wait between two attempts
 * @param sendingTimeout after this long a message claimed by an instance that never said
 * how its SMTP conversation ended is marked uncertain, never sent again by itself
 * @param remindersCron when reminders are looked for (once across instances)
 * @param digestCron when the weekly digests are written (once across instances)
 * @param baseUrl where DomainDesk is reached, for the links in staff messages
 */
@ConfigurationProperties("domaindesk.mail")
@Validated
record MailSettings(@NotBlank @Email @DefaultValue("domaindesk@localhost") String from,
		@NotNull @DefaultValue("10s") Duration pollInterval, @Min(1) @Max(20) @DefaultValue("6") int maxAttempts,
		@NotNull @DefaultValue("30s") Duration firstBackoff, @NotNull @DefaultValue("1h") Duration maxBackoff,
		@NotNull @DefaultValue("10m") Duration sendingTimeout,
		@NotBlank @DefaultValue("0 7 * * * *") String remindersCron,
		@NotBlank @DefaultValue("0 30 7 * * MON") String digestCron,
		@NotNull @DefaultValue("http://localhost:8080") java.net.URI baseUrl) {

	/** An absolute link to a DomainDesk page. */
	String link(String path) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	/** The wait before attempt {@code attempts + 1}. */
	Duration backoffAfter(int attempts) {
		Duration wait = this.firstBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
