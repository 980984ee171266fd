package io.domaindesk.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.domaindesk.clients.ConsentRequested;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails the owner a consent request (or its reminder). The event reached here through
 * the event publication registry, written in the transaction that created the request: if
 * this listener fails, the publication stays incomplete and is handed over again
 * ({@link Publications}); the message key makes the second hand-over write nothing.
 */
@Component
class ConsentMail {

	private final MailRenderer renderer;

	private final Outbox outbox;

	ConsentMail(MailRenderer renderer, Outbox outbox) {
		this.renderer = renderer;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(ConsentRequested event) {
		Locale locale = Languages.supported(event.locale());
		String expires = this.renderer.dateTime(event.expiresAt(), locale);
		String link = event.link().toString();
		MailRenderer.Rendered content = this.renderer.render(
				"consent", locale, Map.of("agency", event.agencyName(), "domain", event.domain(), "name",
						event.recipientName(), "link", link, "expires", expires, "reminder", event.reminder()),
				event.agencyName(), event.domain());
		MessageKind kind = event.reminder() ? MessageKind.CONSENT_REMINDER : MessageKind.CONSENT_REQUEST;
		// One message per link: a new link for the same request is a new message.
		String key = "consent:" + event.consentId() + ":" + kind + ":" + sha256(link).substring(0, 32);
		this.outbox.write(new Outbox.Draft(key, event.agencyId(), kind, event.recipientEmail(), locale, content, link));
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
