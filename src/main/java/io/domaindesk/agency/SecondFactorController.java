package io.domaindesk.agency;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /login/totp}: the second step of a login, where Spring Security's multi-factor
 * rule sends a user who proved a password but not yet a TOTP code. A user who must have a
 * second factor but has none yet (an admin in production) enrols here before going on.
 */
@Controller
@RequestMapping("/login/totp")
class SecondFactorController {

	/**
	 * Wrong codes allowed in one session before it ends and the password is asked again.
	 */
	static final int MAX_ATTEMPTS = 5;

	private static final String ATTEMPTS = "domaindesk.totp.attempts";

	private final CurrentUser currentUser;

	private final SecondFactor secondFactor;

	private final AccountSession accountSession;

	private final ApplicationEventPublisher events;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	SecondFactorController(CurrentUser currentUser, SecondFactor secondFactor, AccountSession accountSession,
			ApplicationEventPublisher events) {
		this.currentUser = currentUser;
		this.secondFactor = secondFactor;
		this.accountSession = accountSession;
		this.events = events;
	}

	@GetMapping
	String form(Model model, HttpSession session) {
		if (this.currentUser.find().isEmpty()) {
			return "redirect:/login";
		}
		return page(model, session);
	}

	@PostMapping
	String verify(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (this.currentUser.find().isEmpty()) {
			return "redirect:/login";
		}
		if (!this.secondFactor.verify(code)) {
			return refused(model, request);
		}
		return proven(request, response);
	}

	@PostMapping("/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (this.currentUser.find().isEmpty()) {
			return "redirect:/login";
		}
		List<String> codes = this.secondFactor.confirm(request.getSession(), code);
		if (codes.isEmpty()) {
			return refused(model, request);
		}
		String next = proven(request, response);
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("next", next.substring("redirect:".length()));
		return "agency/login-recovery-codes";
	}

	private String refused(Model model, HttpServletRequest request) {
		this.events.publishEvent(new SecondFactorFailed(this.currentUser.get().getUsername()));
		HttpSession session = request.getSession();
		int attempts = ((session.getAttribute(ATTEMPTS) instanceof Integer n) ? n : 0) + 1;
		if (attempts >= MAX_ATTEMPTS) {
			session.invalidate();
			return "redirect:/login?error";
		}
		session.setAttribute(ATTEMPTS, attempts);
		model.addAttribute("wrongCode", true);
		return page(model, session);
	}

	private String proven(HttpServletRequest request, HttpServletResponse response) {
		request.getSession().removeAttribute(ATTEMPTS);
		request.changeSessionId();
		this.accountSession.refresh(request, response, true);
		SavedRequest saved = this.requestCache.getRequest(request, response);
		this.requestCache.removeRequest(request, response);
		return "redirect:" + ((saved != null && saved.getMethod().equals("GET")) ? saved.getRedirectUrl() : "/domains");
	}

	private String page(Model model, HttpSession session) {
		DeskPrincipal me = this.currentUser.get();
		if (!me.totpEnabled()) {
			model.addAttribute("enrolment", this.secondFactor.enrolment(session));
		}
		return "agency/login-totp";
	}

}
