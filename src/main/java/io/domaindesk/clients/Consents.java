package io.domaindesk.clients;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What other modules (trades) may ask of consent: the agency's rule, sending a request
 * for a trade, the evidence to show, and whether a trade may be submitted.
 */
@Component
public class Consents {

	private final ConsentRequestRepository requests;

	private final ConsentSettings settings;

	private final ConsentProperties properties;

	private final CurrentUser currentUser;

	private final Inventory inventory;

	private final MessageSource messages;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	Consents(ConsentRequestRepository requests, ConsentSettings settings, ConsentProperties properties,
			CurrentUser currentUser, Inventory inventory, MessageSource messages, AuditLog audit,
			ApplicationEventPublisher events) {
		this.requests = requests;
		this.settings = settings;
		this.properties = properties;
		this.currentUser = currentUser;
		this.inventory = inventory;
		this.messages = messages;
		this.audit = audit;
		this.events = events;
	}

	/** One field the trade changes, as the owner reads it. */
	public record Change(String field, String before, String after) {

	}

	/**
	 * What the owner is asked to agree to.
	 *
	 * @param tradeId the trade
	 * @param domain the domain (ASCII or Unicode)
	 * @param newOwnerContactId the owner the trade gives the domain to: an agreement
	 * counts only for it
	 * @param recipientEmail the current owner's e-mail address
	 * @param recipientName the current owner's name
	 * @param recipientLanguage the current owner contact's language ({@code fr_FR})
	 * @param changes only the fields that change
	 * @param price the price of the change, as OVHcloud quoted it
	 */
	public record Terms(long tradeId, String domain, String newOwnerContactId, String recipientEmail,
			String recipientName, String recipientLanguage, List<Change> changes, String price) {

	}

	/** A request and its answer as the trade page shows them. */
	public record Evidence(UUID id, long tradeId, String domain, ConsentStatus status, boolean expired, boolean open,
			String recipientEmail, String newOwnerContactId, String createdBy, Instant createdAt, Instant expiresAt,
			int reminders, Instant remindedAt, Instant answeredAt, String ip, String userAgent, String comment,
			String shownSha256, String revokedBy, Instant revokedAt) {

	}

	@Transactional(readOnly = true)
	public ConsentMode mode(long agencyId) {
		return this.settings.mode(agencyId);
	}

	/**
	 * Records the request and publishes {@link ConsentRequested} in the same transaction;
	 * the notifications module delivers the e-mail after the commit.
	 * @return the refusal's message key, empty when the request was sent
	 */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	public Optional<String> request(Terms terms) {
		long agencyId = this.currentUser.agencyId();
		if (this.settings.mode(agencyId) == ConsentMode.OFF) {
			return Optional.of("consent.refused.off");
		}
		if (terms.recipientEmail() == null || terms.recipientEmail().isBlank()) {
			return Optional.of("consent.refused.noEmail");
		}
		Instant now = Instant.now();
		boolean pending = this.requests.findByAgencyIdAndTradeIdOrderByCreatedAtDesc(agencyId, terms.tradeId())
			.stream()
			.anyMatch(r -> r.open(now) && r.getNewOwnerContactId().equals(terms.newOwnerContactId()));
		if (pending) {
			return Optional.of("consent.refused.pending");
		}
		Locale locale = localeOf(terms.recipientLanguage());
		String agencyName = this.currentUser.get().agencyName();
		String text = text(agencyName, terms, locale);
		String token = ConsentTokens.newToken();
		Instant expires = now.plus(this.properties.expiry());
		ConsentRequest request = this.requests.save(new ConsentRequest(agencyId,
				this.inventory.clientOf(agencyId, terms.domain()).orElse(null), terms.tradeId(), terms.domain(),
				terms.newOwnerContactId(), ClientIdentity.cut(terms.recipientEmail().strip(), 255),
				ClientIdentity.cut(terms.recipientName(), 255), locale.getLanguage(), ConsentTokens.sha256(token),
				this.currentUser.get().getUsername(), expires, text, ConsentTokens.sha256(text)));
		this.audit.record(new AuditEntry(
				agencyId, "consent.request", terms.domain(), Map.of("consentId", request.getId().toString(), "tradeId",
						terms.tradeId(), "expiresAt", expires.toString(), "shownSha256", request.getShownSha256()),
				AuditOutcome.SUCCESS, null));
		publish(request, agencyName, token, false);
		return Optional.empty();
	}

	/** Every request of a trade, newest first. */
	@Transactional(readOnly = true)
	public List<Evidence> ofTrade(long agencyId, long tradeId) {
		Instant now = Instant.now();
		return this.requests.findByAgencyIdAndTradeIdOrderByCreatedAtDesc(agencyId, tradeId)
			.stream()
			.map(r -> evidence(r, now))
			.toList();
	}

	/**
	 * Why a trade may not be submitted yet, as a message key; empty when it may. Only an
	 * agreement given for the trade's current new owner counts.
	 */
	@Transactional(readOnly = true)
	public Optional<String> refusal(long agencyId, long tradeId, String newOwnerContactId) {
		if (this.settings.mode(agencyId) != ConsentMode.REQUIRED) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		List<ConsentRequest> all = new ArrayList<>(
				this.requests.findByAgencyIdAndTradeIdOrderByCreatedAtDesc(agencyId, tradeId));
		all.removeIf(r -> !r.getNewOwnerContactId().equals(newOwnerContactId));
		if (all.stream().anyMatch(r -> r.getStatus() == ConsentStatus.AGREED)) {
			return Optional.empty();
		}
		if (all.isEmpty()) {
			return Optional.of("consent.blocks.missing");
		}
		ConsentRequest latest = all.get(0);
		if (latest.getStatus() == ConsentStatus.DECLINED) {
			return Optional.of("consent.blocks.declined");
		}
		if (latest.expired(now)) {
			return Optional.of("consent.blocks.expired");
		}
		return Optional.of("consent.blocks.waiting");
	}

	/** A new link for an open request: the old one stops working. */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	public Long remind(UUID id) {
		long agencyId = this.currentUser.agencyId();
		ConsentRequest request = this.requests.lock(id, agencyId).orElse(null);
		if (request == null || !request.open(Instant.now())) {
			return (request != null) ? request.getTradeId() : null;
		}
		String token = ConsentTokens.newToken();
		request.remind(ConsentTokens.sha256(token), Instant.now());
		this.audit.record(new AuditEntry(agencyId, "consent.remind", request.getDomainName(),
				Map.of("consentId", id.toString(), "tradeId", request.getTradeId()), AuditOutcome.SUCCESS, null));
		publish(request, this.currentUser.get().agencyName(), token, true);
		return request.getTradeId();
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	public Long revoke(UUID id) {
		long agencyId = this.currentUser.agencyId();
		ConsentRequest request = this.requests.lock(id, agencyId).orElse(null);
		if (request == null || request.getStatus() != ConsentStatus.PENDING) {
			return (request != null) ? request.getTradeId() : null;
		}
		request.revoke(this.currentUser.get().getUsername(), Instant.now());
		this.audit.record(new AuditEntry(agencyId, "consent.revoke", request.getDomainName(),
				Map.of("consentId", id.toString(), "tradeId", request.getTradeId()), AuditOutcome.SUCCESS, null));
		return request.getTradeId();
	}

	static Evidence evidence(ConsentRequest r, Instant now) {
		return new Evidence(r.getId(), r.getTradeId(), unicode(r.getDomainName()), r.getStatus(), r.expired(now),
				r.open(now), r.getRecipientEmail(), r.getNewOwnerContactId(), r.getCreatedBy(), r.getCreatedAt(),
				r.getExpiresAt(), r.getReminders(), r.getRemindedAt(), r.getAnsweredAt(), r.getAnswerIp(),
				r.getAnswerUserAgent(), r.getAnswerComment(), r.getShownSha256(), r.getRevokedBy(), r.getRevokedAt());
	}

	private void publish(ConsentRequest request, String agencyName, String token, boolean reminder) {
		this.events.publishEvent(new ConsentRequested(request.getId(), request.getAgencyId(), agencyName,
				unicode(request.getDomainName()), request.getRecipientEmail(), request.getRecipientName(),
				Locale.forLanguageTag(request.getLocale()), link(token), request.getExpiresAt(), reminder));
	}

	private URI link(String token) {
		URI base = (this.properties.publicUrl() != null) ? this.properties.publicUrl()
				: URI.create(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		String root = base.toString().endsWith("/") ? base.toString() : base + "/";
		return URI.create(root + "consent/" + token);
	}

	/** The recipient's language: French for a French-speaking contact, else English. */
	static Locale localeOf(String language) {
		return (language != null && language.toLowerCase(Locale.ROOT).startsWith("fr")) ? Locale.FRENCH
				: Locale.ENGLISH;
	}

	/**
	 * The exact text the page will show, in the recipient's language: stored with its
	 * SHA-256 before anyone sees it, so the evidence is what was shown, not a later
	 * rendering.
	 */
	String text(String agencyName, Terms terms, Locale locale) {
		String domain = unicode(terms.domain());
		StringBuilder text = new StringBuilder();
		text.append(msg(locale, "consent.text.title", agencyName, domain)).append("\n\n");
		text.append(msg(locale, "consent.text.intro", agencyName, domain)).append("\n\n");
		text.append(msg(locale, "consent.text.changes")).append('\n');
		for (Change change : terms.changes()) {
			String label = this.messages.getMessage("consent.field." + change.field(), null, change.field(), locale);
			text.append(msg(locale, "consent.text.change", label, dash(change.before()), dash(change.after())))
				.append('\n');
		}
		text.append('\n');
		text.append(msg(locale, "consent.text.price", dash(terms.price()))).append("\n\n");
		text.append(msg(locale, "consent.text.next")).append("\n\n");
		text.append(msg(locale, "consent.text.evidence", agencyName));
		return text.toString();
	}

	private String msg(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/** Domains are stored as OVHcloud names them (ASCII); people read Unicode. */
	static String unicode(String domain) {
		try {
			return java.net.IDN.toUnicode(domain, java.net.IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			return domain;
		}
	}

	private static String dash(String value) {
		return (value == null || value.isBlank()) ? "—" : value;
	}

}
