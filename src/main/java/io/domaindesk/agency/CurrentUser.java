package io.domaindesk.agency;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "who is acting, for which agency". Tenant-scoped queries
 * take the agency from here, never from a request parameter.
 */
@Component
public class CurrentUser {

	public Optional<DeskPrincipal> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof DeskPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	public DeskPrincipal get() {
		return find().orElseThrow(() -> new AccessDeniedException("Not logged in"));
	}

	/**
	 * The current user's agency; a user without one (the platform admin) is denied tenant
	 * data.
	 */
	public long agencyId() {
		Long agencyId = get().agencyId();
		if (agencyId == null) {
			throw new AccessDeniedException("No agency");
		}
		return agencyId;
	}

}
