package io.domaindesk.agency;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The "Password" section of {@code /account}. */
@Component
@Order(10)
class PasswordSection implements AccountSection {

	@Override
	public String template() {
		return "agency/account-password";
	}

	@Override
	public void addTo(Model model, DeskPrincipal user) {
		if (!model.containsAttribute("passwordChange")) {
			model.addAttribute("passwordChange", AccountForms.PasswordChange.empty());
		}
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
	}

}
