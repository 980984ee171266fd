package io.domaindesk.notifications;

import java.util.List;

import jakarta.validation.Valid;

import io.domaindesk.agency.AccountSection;
import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.infrastructure.Flash;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saves the "Language and notices" section of {@code /account}. */
@Controller
class NoticesController {

	private final NoticeSettings settings;

	private final CurrentUser currentUser;

	private final ObjectProvider<AccountSection> sections;

	NoticesController(NoticeSettings settings, CurrentUser currentUser, ObjectProvider<AccountSection> sections) {
		this.settings = settings;
		this.currentUser = currentUser;
		this.sections = sections;
	}

	@PostMapping("/account/notices")
	String save(@Valid @ModelAttribute("notices") NoticesForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		DeskPrincipal me = this.currentUser.get();
		if (result.hasErrors()) {
			// The whole account page again, this section keeping what was typed.
			List<AccountSection> ordered = this.sections.orderedStream().toList();
			ordered.forEach((section) -> section.addTo(model, me));
			model.addAttribute("sections", ordered.stream().map(AccountSection::template).toList());
			return "agency/account";
		}
		this.settings.save(form.toSettings(me.userId()));
		Flash.ok(redirect, "notices.saved");
		return "redirect:/account";
	}

}
