package io.domaindesk.notifications;

import io.domaindesk.agency.AccountSection;
import io.domaindesk.agency.DeskPrincipal;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The "Language and notices" section of {@code /account}. */
@Component
@Order(30)
class NoticesSection implements AccountSection {

	private final NoticeSettings settings;

	NoticesSection(NoticeSettings settings) {
		this.settings = settings;
	}

	@Override
	public String template() {
		return "notifications/account-notices";
	}

	@Override
	public void addTo(Model model, DeskPrincipal user) {
		if (!model.containsAttribute("notices")) {
			model.addAttribute("notices", NoticesForm.of(this.settings.of(user.userId())));
		}
	}

}
