package io.domaindesk.clients;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's answer from the link page: recorded once, with its evidence, in the same
 * transaction as its audit event (so the chain holds the time, the IP, the browser, the
 * text shown and its SHA-256).
 */
@Component
class AnswerConsent {

	/** The actor of answers in the audit trail: nobody logged in, the link answered. */
	static final String ACTOR = "consent-link";

	static final int MAX_USER_AGENT = 512;

	private final ConsentRequestRepository requests;

	private final ConsentProperties properties;

	private final AuditLog audit;

	AnswerConsent(ConsentRequestRepository requests, ConsentProperties properties, AuditLog audit) {
		this.requests = requests;
		this.properties = properties;
		this.audit = audit;
	}

	/** The request behind a token while its link works; empty otherwise, whatever why. */
	@Transactional(readOnly = true)
	Optional<ConsentRequest> open(String token) {
		if (!ConsentTokens.wellFormed(token)) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		return this.requests.findByTokenHash(ConsentTokens.sha256(token)).filter(r -> r.open(now));
	}

	/** Empty when the link no longer works (used, expired, revoked or unknown). */
	@Transactional
	Optional<ConsentRequest> answer(String token, boolean agreed, String comment, String userAgent) {
		if (!ConsentTokens.wellFormed(token)) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		ConsentRequest request = this.requests.lockByTokenHash(ConsentTokens.sha256(token))
			.filter(r -> r.open(now))
			.orElse(null);
		if (request == null) {
			return Optional.empty();
		}
		String cleanComment = (comment == null || comment.isBlank()) ? null
				: ClientIdentity.cut(comment.strip(), this.properties.maxComment());
		String agent = ClientIdentity.cut(userAgent, MAX_USER_AGENT);
		request.answer(agreed, now, ClientIdentity.cut(AuditLog.clientIp(), 64), agent, cleanComment);
		Map<String, Object> details = new HashMap<>();
		details.put("consentId", request.getId().toString());
		details.put("tradeId", request.getTradeId());
		details.put("answer", request.getStatus().name());
		details.put("answeredAt", now.toString());
		details.put("userAgent", String.valueOf(agent));
		details.put("comment", String.valueOf(cleanComment));
		details.put("shownText", request.getShownText());
		details.put("shownSha256", request.getShownSha256());
		this.audit.recordAs(ACTOR, null, new AuditEntry(request.getAgencyId(), "consent.answer",
				request.getDomainName(), details, AuditOutcome.SUCCESS, null));
		return Optional.of(request);
	}

}
