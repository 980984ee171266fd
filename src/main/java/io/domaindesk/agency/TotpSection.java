package io.domaindesk.agency;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The "Two-factor authentication" section of {@code /account}. */
@Component
@Order(20)
class TotpSection implements AccountSection {

	@Override
	public String template() {
		return "agency/account-totp";
	}

	@Override
	public void addTo(Model model, DeskPrincipal user) {
		model.addAttribute("totpEnabled", user.totpEnabled());
	}

}
