package io.domaindesk.security;

import jakarta.servlet.http.HttpSession;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Ends a user's own sessions from {@code /account}. */
@Controller
class SessionsController {

	private final OwnSessions sessions;

	private final CurrentUser currentUser;

	SessionsController(OwnSessions sessions, CurrentUser currentUser) {
		this.sessions = sessions;
		this.currentUser = currentUser;
	}

	@PostMapping("/account/sessions/{handle}/end")
	String end(@PathVariable String handle, HttpSession session, RedirectAttributes redirect) {
		if (this.sessions.end(this.currentUser.get(), handle, session.getId())) {
			Flash.ok(redirect, "account.sessions.ended");
		}
		else {
			// Already ended (expired, or ended from another tab): nothing to do, and no
			// hint
			// about whose session a made-up handle could be.
			Flash.error(redirect, "account.sessions.unknown");
		}
		return "redirect:/account#account-sessions";
	}

	@PostMapping("/account/sessions/end-others")
	String endOthers(HttpSession session, RedirectAttributes redirect) {
		int ended = this.sessions.endOthers(this.currentUser.get(), session.getId());
		Flash.ok(redirect, "account.sessions.endedOthers", ended);
		return "redirect:/account#account-sessions";
	}

}
