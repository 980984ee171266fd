package io.domaindesk.agency;

import jakarta.servlet.http.HttpSession;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The "Two-factor authentication" section of {@code /account}: enrol with a QR code, see
 * how many recovery codes are left, turn it off where the role allows.
 */
@Component
@Order(20)
class TotpSection implements AccountSection {

	private final SecondFactor secondFactor;

	private final HttpSession session;

	/** {@code session} is Spring's proxy to the current request's session. */
	TotpSection(SecondFactor secondFactor, HttpSession session) {
		this.secondFactor = secondFactor;
		this.session = session;
	}

	@Override
	public String template() {
		return "agency/account-totp";
	}

	@Override
	public void addTo(Model model, DeskPrincipal user) {
		model.addAttribute("totpEnabled", user.totpEnabled());
		model.addAttribute("totpMayDisable", this.secondFactor.mayDisable());
		if (user.totpEnabled()) {
			model.addAttribute("recoveryCodesLeft", this.secondFactor.recoveryCodesLeft());
		}
		else if (SecondFactor.enrolling(this.session)) {
			model.addAttribute("enrolment", this.secondFactor.enrolment(this.session));
		}
	}

}
