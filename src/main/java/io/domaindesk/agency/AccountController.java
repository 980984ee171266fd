package io.domaindesk.agency;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.domaindesk.infrastructure.Flash;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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

	AccountController(ObjectProvider<AccountSection> sections, CurrentUser currentUser,
			ChangeOwnPassword changeOwnPassword, AccountSession session) {
		this.sections = sections;
		this.currentUser = currentUser;
		this.changeOwnPassword = changeOwnPassword;
		this.session = session;
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

}
