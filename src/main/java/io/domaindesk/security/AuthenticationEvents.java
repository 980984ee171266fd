package io.domaindesk.security;

import java.util.Map;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

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
		this.audit.recordAs(principal.getUsername(), principal.role().name(),
				AuditEntry.of(principal.agencyId(), "login.success", AuditOutcome.SUCCESS, Map.of()));
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		boolean alreadyLocked = event instanceof AuthenticationFailureLockedEvent;
		boolean lockedNow = !alreadyLocked && this.throttle.recordFailure(username);
		String reason = alreadyLocked ? "locked" : event.getException().getClass().getSimpleName();
		this.audit.recordAs(username, null,
				AuditEntry.of(null, "login.failure", alreadyLocked ? AuditOutcome.DENIED : AuditOutcome.FAILURE,
						lockedNow ? Map.of("reason", reason, "lockedNow", true) : Map.of("reason", reason)));
	}

}
