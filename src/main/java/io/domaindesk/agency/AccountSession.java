package io.domaindesk.agency;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Replaces the logged-in user's principal in their session after they changed their own
 * account (password changed, TOTP enrolled or proven), keeping the factors they already
 * proved. The principal is a snapshot taken at login, so without this the session would
 * keep asking for a password change that was just made.
 */
@Component
class AccountSession {

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final DeskUsers users;

	AccountSession(DeskUsers users) {
		this.users = users;
	}

	void refresh(HttpServletRequest request, HttpServletResponse response, boolean totpProven) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		DeskPrincipal fresh = this.users.findByUsername(current.getName()).orElseThrow();
		fresh.eraseCredentials();
		List<GrantedAuthority> authorities = new ArrayList<>(fresh.getAuthorities());
		current.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.filter(factor -> !totpProven || !factor.getAuthority().equals(DeskPrincipal.TOTP_FACTOR))
			.forEach(authorities::add);
		if (totpProven) {
			authorities.add(FactorGrantedAuthority.fromAuthority(DeskPrincipal.TOTP_FACTOR));
		}
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(fresh, null,
				authorities);
		token.setDetails(current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(token);
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}
