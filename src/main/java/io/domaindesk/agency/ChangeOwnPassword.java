package io.domaindesk.agency;

import java.util.Map;
import java.util.Optional;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user replaces their own password, proving the current one first (ASVS 5.0 6.2.3).
 * Their other sessions end: whoever else held one may have known the old password.
 */
@Component
class ChangeOwnPassword {

	private final DeskUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ChangeOwnPassword(DeskUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
	}

	/** The field and message key of the first problem, or empty once changed. */
	@Transactional
	Optional<Map.Entry<String, String>> change(AccountForms.PasswordChange form, String keepSessionId) {
		DeskUser user = this.users.findById(this.currentUser.get().userId()).orElseThrow();
		if (form.currentPassword() == null
				|| !this.passwordEncoder.matches(form.currentPassword(), user.passwordHash())) {
			this.audit.record(AuditEntry.of(user.getAgencyId(), "account.password.change", AuditOutcome.FAILURE,
					Map.of("reason", "wrong current password")));
			return Optional.of(Map.entry("currentPassword", "account.password.currentWrong"));
		}
		Optional<String> violation = this.policy.violation(user.getUsername(), form.newPassword());
		if (violation.isPresent()) {
			return Optional.of(Map.entry("newPassword", violation.get()));
		}
		if (!form.newPassword().equals(form.confirmation())) {
			return Optional.of(Map.entry("confirmation", "account.password.mismatch"));
		}
		if (this.passwordEncoder.matches(form.newPassword(), user.passwordHash())) {
			return Optional.of(Map.entry("newPassword", "account.password.same"));
		}
		user.changeOwnPassword(this.passwordEncoder.encode(form.newPassword()));
		this.events.publishEvent(new UserAccessChanged(user.getUsername(), "password changed", keepSessionId));
		this.audit.record(AuditEntry.of(user.getAgencyId(), "account.password.change", AuditOutcome.SUCCESS, Map.of()));
		return Optional.empty();
	}

}
