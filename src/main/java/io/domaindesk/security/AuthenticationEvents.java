package io.domaindesk.security;

import java.util.LinkedHashMap;
import java.util.Map;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.SecondFactorFailed;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Feeds the login throttle and the audit trail from Spring Security's authentication
 * events.
 */
@Component
class AuthenticationEvents {

	private final LoginThrottle throttle;

	private final AuditLog audit;

	AuthenticationEvents(LoginThrottle throttle, AuditLog audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof DeskPrincipal principal)) {
			return;
		}
		this.throttle.recordSuccess(principal.getUsername());
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			OwnSessions.rememberOrigin(attributes.getRequest());
		}
		this.audit.recordAs(principal.getUsername(), principal.role().name(),
				AuditEntry.of(principal.agencyId(), "login.success", AuditOutcome.SUCCESS, Map.of()));
	}

	/**
	 * A wrong code at the TOTP step counts like a wrong password, for the account and the
	 * address: otherwise a guesser who knows the password would get 5 fresh codes per new
	 * session.
	 */
	@EventListener
	void onSecondFactorFailure(SecondFactorFailed event) {
		this.throttle.recordFailure(event.username());
		this.throttle.recordAddressFailure(ClientAddress.current());
	}

	/**
	 * Every failure counts for the address it came from, attempts refused by a lock
	 * included (they are guesses too); a failure that was not refused counts for the
	 * account as well.
	 */
	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		String address = ClientAddress.current();
		boolean refused = event instanceof AuthenticationFailureLockedEvent;
		boolean addressWasBlocked = refused && this.throttle.isAddressBlocked(address);
		boolean lockedNow = !refused && this.throttle.recordFailure(username);
		boolean addressBlockedNow = this.throttle.recordAddressFailure(address) && !addressWasBlocked;
		String reason = addressWasBlocked ? "address blocked"
				: refused ? "locked" : event.getException().getClass().getSimpleName();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", reason);
		if (lockedNow) {
			details.put("lockedNow", true);
		}
		if (addressBlockedNow) {
			details.put("addressBlockedNow", true);
		}
		this.audit.recordAs(username, null,
				AuditEntry.of(null, "login.failure", refused ? AuditOutcome.DENIED : AuditOutcome.FAILURE, details));
	}

}
