package io.domaindesk.agency;

import io.domaindesk.infrastructure.Flash;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/agencies}: the platform admin opens agencies and gives each its first
 * admin.
 */
@Controller
@RequestMapping("/admin/agencies")
class AgencyAdminController {

	private final AgencyRepository agencies;

	private final DeskUserRepository users;

	private final CreateAgency createAgency;

	private final PasswordPolicy policy;

	AgencyAdminController(AgencyRepository agencies, DeskUserRepository users, CreateAgency createAgency,
			PasswordPolicy policy) {
		this.agencies = agencies;
		this.users = users;
		this.createAgency = createAgency;
		this.policy = policy;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("newAgency", UserForms.NewAgency.empty());
		return page(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("newAgency") UserForms.NewAgency form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.policy.violation(form.adminUsername(), form.adminPassword())
			.ifPresent(code -> result.rejectValue("adminPassword", code));
		if (result.hasErrors()) {
			return page(model);
		}
		try {
			this.createAgency.create(form);
		}
		catch (UsernameTakenException ex) {
			result.rejectValue("adminUsername", "username.taken");
			return page(model);
		}
		catch (CreateAgency.AgencyNameTakenException ex) {
			result.rejectValue("name", "agency.nameTaken");
			return page(model);
		}
		Flash.ok(redirect, "agencies.created.flash", form.name());
		return "redirect:/admin/agencies";
	}

	private String page(Model model) {
		model.addAttribute("agencies",
				this.agencies.findAllByOrderByNameAsc()
					.stream()
					.map(a -> new AgencyRow(a, this.users.countByAgencyId(a.getId())))
					.toList());
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "agency/agencies";
	}

	record AgencyRow(Agency agency, long userCount) {

	}

}
