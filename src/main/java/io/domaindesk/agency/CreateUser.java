package io.domaindesk.agency;

import java.util.Map;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency admin adds a user to their own agency.
 */
@Component
class CreateUser {

	private final DeskUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	CreateUser(DeskUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			CurrentUser currentUser, AuditLog audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	Long create(UserForms.NewUser form) {
		long agencyId = this.currentUser.agencyId();
		Role role = form.agencyRole();
		if (role == null) {
			throw new IllegalArgumentException("Role not allowed in an agency: " + form.role());
		}
		this.policy.violation(form.username(), form.password()).ifPresent(code -> {
			throw new IllegalArgumentException("Password rejected: " + code);
		});
		if (this.users.existsByUsername(form.username())) {
			throw new UsernameTakenException(form.username());
		}
		DeskUser user = this.users.save(new DeskUser(agencyId, form.username(), form.displayName().strip(), role,
				this.passwordEncoder.encode(form.password()))
			.mustChangePassword());
		this.audit.record(AuditEntry.of(agencyId, "user.create", AuditOutcome.SUCCESS,
				Map.of("userId", user.getId(), "username", user.getUsername(), "role", user.getRole().name())));
		return user.getId();
	}

}
