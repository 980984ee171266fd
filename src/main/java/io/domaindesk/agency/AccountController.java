package io.domaindesk.agency;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.domaindesk.infrastructure.Flash;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account}: every user's own account, one section per concern (password,
 * two-factor authentication, and whatever other modules contribute as
 * {@link AccountSection} beans).
 */
@Controller
@RequestMapping("/account")
class AccountController {

	private final ObjectProvider<AccountSection> sections;

	private final CurrentUser currentUser;

	private final ChangeOwnPassword changeOwnPassword;

	private final AccountSession session;

	private final SecondFactor secondFactor;

	AccountController(ObjectProvider<AccountSection> sections, CurrentUser currentUser,
			ChangeOwnPassword changeOwnPassword, AccountSession session, SecondFactor secondFactor) {
		this.sections = sections;
		this.currentUser = currentUser;
		this.changeOwnPassword = changeOwnPassword;
		this.session = session;
		this.secondFactor = secondFactor;
	}

	@GetMapping
	String page(Model model) {
		DeskPrincipal me = this.currentUser.get();
		List<AccountSection> ordered = this.sections.orderedStream().toList();
		ordered.forEach(section -> section.addTo(model, me));
		model.addAttribute("sections", ordered.stream().map(AccountSection::template).toList());
		return "agency/account";
	}

	@PostMapping("/password")
	String changePassword(@ModelAttribute("passwordChange") AccountForms.PasswordChange form, BindingResult result,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Map.Entry<String, String>> problem = this.changeOwnPassword.change(form, request.getSession().getId());
		if (problem.isPresent()) {
			// The form stays in the model with its errors; the page never writes a
			// password
			// back.
			result.rejectValue(problem.get().getKey(), problem.get().getValue());
			return page(model);
		}
		this.session.refresh(request, response, false);
		Flash.ok(redirect, "account.password.changed");
		return "redirect:/account";
	}

	@PostMapping("/totp/start")
	String startTotp(HttpSession httpSession) {
		this.secondFactor.enrolment(httpSession);
		return "redirect:/account#account-totp";
	}

	@PostMapping("/totp/cancel")
	String cancelTotp(HttpSession httpSession) {
		httpSession.removeAttribute(SecondFactor.PENDING);
		return "redirect:/account";
	}

	/** The recovery codes are shown once, on the page this redirects to. */
	@PostMapping("/totp/confirm")
	String confirmTotp(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		List<String> codes = this.secondFactor.confirm(request.getSession(), code);
		if (codes.isEmpty()) {
			Flash.error(redirect, "account.totp.wrongCode");
			return "redirect:/account#account-totp";
		}
		this.session.refresh(request, response, true);
		redirect.addFlashAttribute("recoveryCodes", codes);
		Flash.ok(redirect, "account.totp.enabled");
		return "redirect:/account#account-totp";
	}

	@PostMapping("/totp/disable")
	String disableTotp(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!this.secondFactor.disable(code)) {
			Flash.error(redirect, "account.totp.wrongCode");
			return "redirect:/account#account-totp";
		}
		this.session.refresh(request, response, false);
		Flash.ok(redirect, "account.totp.disabled");
		return "redirect:/account";
	}

}
