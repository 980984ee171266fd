package io.domaindesk.agency;

import java.util.Map;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * An agency admin disables, re-enables, resets the password of, or changes the role of a
 * user of their own agency; the first, third and fourth end that user's sessions at once.
 * Another agency's user is not found, never forbidden: its existence is nobody else's
 * business.
 */
@Component
class ManageUser {

	private final DeskUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ManageUser(DeskUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional(readOnly = true)
	DeskUser find(Long userId) {
		return this.users.findByIdAndAgencyId(userId, this.currentUser.agencyId())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	DeskUser setEnabled(Long userId, boolean enabled) {
		DeskUser user = find(userId);
		if (!enabled && user.getId().equals(this.currentUser.get().userId())) {
			throw new IllegalStateException("An admin cannot disable their own account");
		}
		if (enabled) {
			user.enable();
		}
		else {
			user.disable();
			this.events.publishEvent(new UserAccessChanged(user.getUsername(), "disabled", null));
		}
		this.audit.record(AuditEntry.of(user.getAgencyId(), enabled ? "user.enable" : "user.disable",
				AuditOutcome.SUCCESS, Map.of("userId", user.getId(), "username", user.getUsername())));
		return user;
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	DeskUser resetPassword(Long userId, String newPassword) {
		DeskUser user = find(userId);
		this.policy.violation(user.getUsername(), newPassword).ifPresent(code -> {
			throw new IllegalArgumentException("Password rejected: " + code);
		});
		user.setPasswordByAdmin(this.passwordEncoder.encode(newPassword));
		this.events.publishEvent(new UserAccessChanged(user.getUsername(), "password reset", null));
		this.audit.record(AuditEntry.of(user.getAgencyId(), "user.password.reset", AuditOutcome.SUCCESS,
				Map.of("userId", user.getId(), "username", user.getUsername())));
		return user;
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	DeskUser changeRole(Long userId, Role role) {
		DeskUser user = find(userId);
		if (!Role.AGENCY_ROLES.contains(role)) {
			throw new IllegalArgumentException("Role not allowed in an agency: " + role);
		}
		if (user.getId().equals(this.currentUser.get().userId())) {
			throw new IllegalStateException("An admin cannot change their own role");
		}
		Role before = user.getRole();
		if (before == role) {
			return user;
		}
		user.changeRole(role);
		this.events.publishEvent(new UserAccessChanged(user.getUsername(), "role changed", null));
		this.audit.record(AuditEntry.of(user.getAgencyId(), "user.role", AuditOutcome.SUCCESS, Map.of("userId",
				user.getId(), "username", user.getUsername(), "from", before.name(), "to", role.name())));
		return user;
	}

}
