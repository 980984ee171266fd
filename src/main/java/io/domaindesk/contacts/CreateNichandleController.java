package io.domaindesk.contacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /domains/{domain}/nic-change/new-account}: create the nichandle of a new
 * contact, then come back to the nic-change form with it filled in for the chosen role.
 */
@Controller
@RequestMapping("/domains/{domain}/nic-change/new-account")
class CreateNichandleController {

	static final List<String> LEGAL_FORMS = List.of("individual", "corporation", "association", "administration",
			"personalcorporation", "other");

	private final CurrentUser currentUser;

	private final Inventory inventory;

	private final CreateNichandle create;

	CreateNichandleController(CurrentUser currentUser, Inventory inventory, CreateNichandle create) {
		this.currentUser = currentUser;
		this.inventory = inventory;
		this.create = create;
	}

	@GetMapping
	String form(@PathVariable String domain, CreateNichandle.Profile profile,
			@RequestParam(defaultValue = "contactTech") String role, Model model) {
		return page(find(domain), profile, role(role), Map.of(), Map.of(), model);
	}

	@PostMapping
	String submit(@PathVariable String domain, CreateNichandle.Profile profile,
			@RequestParam(defaultValue = "contactTech") String role, @RequestParam Map<String, String> params,
			Model model) {
		Inventory.InventoryDomain found = find(domain);
		Map<String, String> values = new LinkedHashMap<>(params);
		List<CreateNichandle.Field> fields;
		try {
			fields = this.create.fields(found, profile);
		}
		catch (OvhException ex) {
			return page(found, profile, role(role), values, Map.of(), error(model, ex));
		}
		Map<String, CreateNichandle.Problem> problems = CreateNichandle.check(fields, values);
		if (!problems.isEmpty()) {
			return page(found, profile, role(role), values, problems, model);
		}
		try {
			// What was typed stays on the form; OVHcloud gets it normalised, with the
			// rules' prefixes.
			String nichandle = this.create.create(found, profile, CreateNichandle.normalised(fields, values));
			return "redirect:" + UriComponentsBuilder.fromPath("/domains/{d}/nic-change")
				.queryParam(role(role), nichandle)
				.queryParam("created", nichandle)
				.buildAndExpand(found.name())
				.toUriString();
		}
		catch (OvhException ex) {
			return page(found, profile, role(role), values, Map.of(), error(model, ex));
		}
	}

	private String page(Inventory.InventoryDomain domain, CreateNichandle.Profile profile, String role,
			Map<String, String> values, Map<String, CreateNichandle.Problem> problems, Model model) {
		model.addAttribute("domain", domain);
		model.addAttribute("profile", profile);
		model.addAttribute("role", role);
		model.addAttribute("legalForms", LEGAL_FORMS);
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		if (!model.containsAttribute("fields")) {
			try {
				model.addAttribute("fields", this.create.fields(domain, profile));
			}
			catch (OvhException ex) {
				error(model, ex);
				model.addAttribute("fields", List.of());
			}
		}
		return "contacts/new-account";
	}

	private static Model error(Model model, OvhException ex) {
		Flash.ovh(model, ex);
		return model;
	}

	private static String role(String role) {
		return List.of(Nichandles.ROLES).contains(role) ? role : "contactTech";
	}

	private Inventory.InventoryDomain find(String domain) {
		return this.inventory.find(this.currentUser.agencyId(), domain)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
