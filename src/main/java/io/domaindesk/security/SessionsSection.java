package io.domaindesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.domaindesk.agency.AccountSection;
import io.domaindesk.agency.DeskPrincipal;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The "Open sessions" section of {@code /account}. */
@Component
@Order(25)
class SessionsSection implements AccountSection {

	private final OwnSessions sessions;

	/** The request being served (a proxy Spring resolves per request). */
	private final HttpServletRequest request;

	SessionsSection(OwnSessions sessions, HttpServletRequest request) {
		this.sessions = sessions;
		this.request = request;
	}

	@Override
	public String template() {
		return "security/account-sessions";
	}

	@Override
	public void addTo(Model model, DeskPrincipal user) {
		HttpSession current = this.request.getSession(false);
		model.addAttribute("openSessions", this.sessions.of(user, (current != null) ? current.getId() : ""));
	}

}
