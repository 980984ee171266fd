package io.domaindesk.security;

import jakarta.servlet.http.HttpSession;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
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
		if (!this.sessions.end(this.currentUser.get(), handle, session.getId())) {
			// Not one of the caller's sessions (already ended, or made up): like any id
			// that is not the caller's, it is not found.
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Flash.ok(redirect, "account.sessions.ended");
		return "redirect:/account#account-sessions";
	}

	@PostMapping("/account/sessions/end-others")
	String endOthers(HttpSession session, RedirectAttributes redirect) {
		int ended = this.sessions.endOthers(this.currentUser.get(), session.getId());
		Flash.ok(redirect, "account.sessions.endedOthers", ended);
		return "redirect:/account#account-sessions";
	}

}
