package io.domaindesk.domains;

import io.domaindesk.agency.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /domains}: the screen agency staff live in. Until the first sync it explains
 * what comes next.
 */
@Controller
class DomainsController {

	private final CurrentUser currentUser;

	DomainsController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@GetMapping("/domains")
	String list(Model model) {
		model.addAttribute("platformAdmin", this.currentUser.get().agencyId() == null);
		return "domains/list";
	}

}
