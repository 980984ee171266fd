package io.domaindesk.contacts;

import java.util.Map;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.domains.Inventory;
import io.domaindesk.infrastructure.Flash;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /domains/{domain}/nic-change}: fill in, preview what will happen, confirm.
 */
@Controller
@RequestMapping("/domains/{domain}/nic-change")
class NicChangeController {

	private final CurrentUser currentUser;

	private final Inventory inventory;

	private final Preflight preflight;

	private final StartNicChange start;

	NicChangeController(CurrentUser currentUser, Inventory inventory, Preflight preflight, StartNicChange start) {
		this.currentUser = currentUser;
		this.inventory = inventory;
		this.preflight = preflight;
		this.start = start;
	}

	/**
	 * Values may come pre-filled, for example with a nichandle just created for the new
	 * contact.
	 */
	@GetMapping
	String form(@PathVariable String domain, NicChangeForm prefilled, Model model) {
		model.addAttribute("domain", find(domain));
		model.addAttribute("form", new NicChangeForm(blank(prefilled.contactAdmin()), blank(prefilled.contactTech()),
				blank(prefilled.contactBilling())));
		return "contacts/nic-change";
	}

	private static String blank(String value) {
		return (value != null) ? value : "";
	}

	@PostMapping
	String submit(@PathVariable String domain, @ModelAttribute("form") NicChangeForm form, BindingResult errors,
			@RequestParam(defaultValue = "preview") String step, Model model, RedirectAttributes redirect) {
		Inventory.InventoryDomain found = find(domain);
		model.addAttribute("domain", found);
		Map<String, String> requested = form.requested(errors);
		if (errors.hasErrors()) {
			return "contacts/nic-change";
		}
		if (!"confirm".equals(step)) {
			Preflight.Plan plan = this.preflight.plan(this.currentUser.agencyId(), found, requested);
			if (reject(plan, errors)) {
				return "contacts/nic-change";
			}
			model.addAttribute("plan", plan);
			return "contacts/nic-change";
		}
		StartNicChange.Result result = this.start.start(found, requested);
		if (result.change() == null) {
			reject(result.plan(), errors);
			return "contacts/nic-change";
		}
		NicChange change = result.change();
		switch (change.getStatus()) {
			case SUBMITTED -> {
				Flash.ok(redirect, "nic.submitted", found.unicodeName(), change.getTaskIds());
			}
			case UNKNOWN -> {
				Flash.error(redirect, "nic.unknown", found.unicodeName());
			}
			case SKIPPED -> {
				// OVHcloud started nothing: there is no task to follow on the changes'
				// page, so the answer is shown on the domain's own page.
				Flash.ok(redirect, "nic.nothingToChange", found.unicodeName());
				return "redirect:/domains/" + found.name();
			}
			default -> {
				// Keep what was typed: back to the form, with OVHcloud's answer in words
				// and its QueryID.
				Flash.failed(model, change.expiredAtOvh() ? "nic.expired" : "nic.failed", change.getReason(),
						change.getOvhQueryId());
				return "contacts/nic-change";
			}
		}
		return "redirect:/nic-changes?q=" + found.name();
	}

	/**
	 * Puts the preflight's refusals next to their field (or on the form for the whole
	 * domain).
	 */
	private static boolean reject(Preflight.Plan plan, BindingResult errors) {
		for (Preflight.Reason reason : plan.reasons()) {
			if (reason.role() != null) {
				errors.rejectValue(reason.role(), reason.code(), reason.argArray(), null);
			}
			else {
				errors.reject(reason.code(), reason.argArray(), null);
			}
		}
		return errors.hasErrors();
	}

	private Inventory.InventoryDomain find(String domain) {
		return this.inventory.find(this.currentUser.agencyId(), domain)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
