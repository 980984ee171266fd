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
 * The platform admin opens an agency together with its first admin, who then runs the
 * agency alone.
 */
@Component
class CreateAgency {

	private final AgencyRepository agencies;

	private final DeskUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	CreateAgency(AgencyRepository agencies, DeskUserRepository users, PasswordEncoder passwordEncoder,
			PasswordPolicy policy, AuditLog audit) {
		this.agencies = agencies;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.audit = audit;
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Transactional
	Agency create(UserForms.NewAgency form) {
		if (this.agencies.findByName(form.name().strip()).isPresent()) {
			throw new AgencyNameTakenException();
		}
		this.policy.violation(form.adminUsername(), form.adminPassword()).ifPresent(code -> {
			throw new IllegalArgumentException("Password rejected: " + code);
		});
		if (this.users.existsByUsername(form.adminUsername())) {
			throw new UsernameTakenException(form.adminUsername());
		}
		Agency agency = this.agencies.save(new Agency(form.name().strip()));
		DeskUser admin = this.users
			.save(new DeskUser(agency.getId(), form.adminUsername(), form.adminDisplayName().strip(), Role.AGENCY_ADMIN,
					this.passwordEncoder.encode(form.adminPassword()))
				.mustChangePassword());
		this.audit.record(AuditEntry.of(agency.getId(), "agency.create", AuditOutcome.SUCCESS,
				Map.of("agency", agency.getName(), "adminUsername", admin.getUsername())));
		return agency;
	}

	static class AgencyNameTakenException extends RuntimeException {

		AgencyNameTakenException() {
			super("Agency name already taken");
		}

	}

}
