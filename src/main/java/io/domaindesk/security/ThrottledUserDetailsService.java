package io.domaindesk.security;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads users and marks an account as locked when {@link LoginThrottle} refuses the
 * attempt (a blocked address, or a locked account tried from an address that failed), so
 * that Spring Security refuses it before the password is even checked — a correct
 * password does not get through. An unknown name gets the same answer as a wrong password
 * either way.
 */
@Component
class ThrottledUserDetailsService implements UserDetailsService {

	private final DeskUsers users;

	private final LoginThrottle throttle;

	ThrottledUserDetailsService(DeskUsers users, LoginThrottle throttle) {
		this.users = users;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		DeskPrincipal principal = this.users.findByUsername(username.strip())
			.orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
		return this.throttle.refuses(username, ClientAddress.current()) ? principal.locked() : principal;
	}

}
