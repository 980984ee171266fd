package io.domaindesk.trades;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.domains.Inventory;
import io.domaindesk.infrastructure.Flash;
import io.domaindesk.ovh.OvhException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /domains/{domain}/owner}: the owner contact fresh from OVHcloud and its edit
 * form, built from the {@code update} rules of the domain's extension.
 */
@Controller
@RequestMapping("/domains/{domain}/owner")
class OwnerController {

	private final CurrentUser currentUser;

	private final Inventory inventory;

	private final OwnerContact owners;

	private final UpdateOwner update;

	OwnerController(CurrentUser currentUser, Inventory inventory, OwnerContact owners, UpdateOwner update) {
		this.currentUser = currentUser;
		this.inventory = inventory;
		this.owners = owners;
		this.update = update;
	}

	@GetMapping
	String show(@PathVariable String domain, Model model) {
		Inventory.InventoryDomain found = find(domain);
		model.addAttribute("domain", found);
		if (read(found, model) != null) {
			model.addAttribute("values", model.getAttribute("current"));
		}
		return "trades/owner";
	}

	@PostMapping
	String save(@PathVariable String domain, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Inventory.InventoryDomain found = find(domain);
		ContactForm form = ContactForm.from(params);
		UpdateOwner.Result result;
		try {
			result = this.update.update(this.currentUser.agencyId(), found, form.fields());
		}
		catch (OvhException ex) {
			result = new UpdateOwner.Result(false, Map.of(), List.of(), UpdateOwner.describe(ex), ex.queryId(), false);
		}
		if (result.saved()) {
			// Says what was saved, cleared fields apart: a cleared field is gone at
			// OVHcloud too.
			Flash.ok(redirect, "owner.saved.fields", found.unicodeName(),
					result.changed().isEmpty() ? "—" : String.join(", ", result.changed()),
					result.cleared().isEmpty() ? "—" : String.join(", ", result.cleared()));
			return "redirect:/domains/" + found.name() + "/owner";
		}
		model.addAttribute("domain", found);
		read(found, model);
		// Everything typed stays in the form, the refused fields included.
		model.addAttribute("values", form.fields());
		model.addAttribute("fieldErrors", result.fieldErrors());
		model.addAttribute("lockedChanged", Set.copyOf(result.lockedChanged()));
		if (result.error() != null) {
			Flash.failed(model, result.unknown() ? "owner.unknown" : "ovh.error", result.error(), result.queryId());
		}
		else if (!result.fieldErrors().isEmpty() || !result.lockedChanged().isEmpty()) {
			Flash.error(model, "owner.refused");
		}
		return "trades/owner";
	}

	private OwnerContact.Owner read(Inventory.InventoryDomain domain, Model model) {
		try {
			OwnerContact.Owner owner = this.owners.read(this.currentUser.agencyId(), domain, "update");
			model.addAttribute("owner", owner);
			model.addAttribute("fields", owner.fields());
			model.addAttribute("current", owner.values());
			model.addAttribute("locked",
					owner.fields()
						.stream()
						.filter(f -> f.lockedFor(owner.values()))
						.map(ContactField::label)
						.collect(Collectors.toSet()));
			return owner;
		}
		catch (OvhException ex) {
			Flash.ovh(model, ex);
			return null;
		}
	}

	private Inventory.InventoryDomain find(String domain) {
		return this.inventory.find(this.currentUser.agencyId(), domain)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
