package io.domaindesk.clients;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One request for the owner's consent to one trade, and its answer. It guards its own
 * life: a link works once, until it expires or is revoked; a reminder replaces the link's
 * token (only its hash is ever stored, so a reminder cannot resend the old one).
 */
@Entity
@Table(name = "consent_request")
class ConsentRequest {

	@Id
	private UUID id;

	@Column(name = "agency_id", nullable = false)
	private Long agencyId;

	@Column(name = "client_id")
	private Long clientId;

	@Column(name = "trade_id", nullable = false)
	private Long tradeId;

	@Column(name = "domain_name", nullable = false)
	private String domainName;

	@Column(name = "new_owner_contact_id", nullable = false)
	private String newOwnerContactId;

	@Column(name = "recipient_email", nullable = false)
	private String recipientEmail;

	@Column(name = "recipient_name")
	private String recipientName;

	@Column(nullable = false)
	private String locale;

	@Column(name = "token_hash", nullable = false)
	private String tokenHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ConsentStatus status;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "reminded_at")
	private Instant remindedAt;

	@Column(nullable = false)
	private int reminders;

	@Column(name = "shown_text", nullable = false)
	private String shownText;

	@Column(name = "shown_sha256", nullable = false)
	private String shownSha256;

	@Column(name = "answered_at")
	private Instant answeredAt;

	@Column(name = "answer_ip")
	private String answerIp;

	@Column(name = "answer_user_agent")
	private String answerUserAgent;

	@Column(name = "answer_comment")
	private String answerComment;

	@Column(name = "revoked_by")
	private String revokedBy;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected ConsentRequest() {
	}

	ConsentRequest(long agencyId, Long clientId, long tradeId, String domainName, String newOwnerContactId,
			String recipientEmail, String recipientName, String locale, String tokenHash, String createdBy,
			Instant expiresAt, String shownText, String shownSha256) {
		this.id = UUID.randomUUID();
		this.agencyId = agencyId;
		this.clientId = clientId;
		this.tradeId = tradeId;
		this.domainName = domainName;
		this.newOwnerContactId = newOwnerContactId;
		this.recipientEmail = recipientEmail;
		this.recipientName = recipientName;
		this.locale = locale;
		this.tokenHash = tokenHash;
		this.status = ConsentStatus.PENDING;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
		this.expiresAt = expiresAt;
		this.shownText = shownText;
		this.shownSha256 = shownSha256;
	}

	/** Whether the link still opens the page. */
	boolean open(Instant now) {
		return this.status == ConsentStatus.PENDING && now.isBefore(this.expiresAt);
	}

	boolean expired(Instant now) {
		return this.status == ConsentStatus.PENDING && !now.isBefore(this.expiresAt);
	}

	void answer(boolean agreed, Instant at, String ip, String userAgent, String comment) {
		if (!open(at)) {
			throw new IllegalStateException("Consent request " + this.id + " is no longer open");
		}
		this.status = agreed ? ConsentStatus.AGREED : ConsentStatus.DECLINED;
		this.answeredAt = at;
		this.answerIp = ip;
		this.answerUserAgent = userAgent;
		this.answerComment = comment;
	}

	void revoke(String by, Instant at) {
		if (this.status != ConsentStatus.PENDING) {
			throw new IllegalStateException("Consent request " + this.id + " is " + this.status);
		}
		this.status = ConsentStatus.REVOKED;
		this.revokedBy = by;
		this.revokedAt = at;
	}

	void remind(String newTokenHash, Instant at) {
		if (!open(at)) {
			throw new IllegalStateException("Consent request " + this.id + " is no longer open");
		}
		this.tokenHash = newTokenHash;
		this.remindedAt = at;
		this.reminders++;
	}

	UUID getId() {
		return this.id;
	}

	Long getAgencyId() {
		return this.agencyId;
	}

	Long getClientId() {
		return this.clientId;
	}

	Long getTradeId() {
		return this.tradeId;
	}

	String getDomainName() {
		return this.domainName;
	}

	String getNewOwnerContactId() {
		return this.newOwnerContactId;
	}

	String getRecipientEmail() {
		return this.recipientEmail;
	}

	String getRecipientName() {
		return this.recipientName;
	}

	String getLocale() {
		return this.locale;
	}

	ConsentStatus getStatus() {
		return this.status;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	Instant getRemindedAt() {
		return this.remindedAt;
	}

	int getReminders() {
		return this.reminders;
	}

	String getShownText() {
		return this.shownText;
	}

	String getShownSha256() {
		return this.shownSha256;
	}

	Instant getAnsweredAt() {
		return this.answeredAt;
	}

	String getAnswerIp() {
		return this.answerIp;
	}

	String getAnswerUserAgent() {
		return this.answerUserAgent;
	}

	String getAnswerComment() {
		return this.answerComment;
	}

	String getRevokedBy() {
		return this.revokedBy;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

}
