package io.domaindesk.agency;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks users up for authentication, without exposing the entity outside this module.
 */
@Component
public class DeskUsers {

	private final DeskUserRepository users;

	private final AgencyRepository agencies;

	DeskUsers(DeskUserRepository users, AgencyRepository agencies) {
		this.users = users;
		this.agencies = agencies;
	}

	@Transactional(readOnly = true)
	public Optional<DeskPrincipal> findByUsername(String username) {
		return this.users.findByUsername(username)
			.map(user -> user.toPrincipal((user.getAgencyId() != null)
					? this.agencies.findById(user.getAgencyId()).map(Agency::getName).orElse(null) : null));
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.users.count();
	}

}
