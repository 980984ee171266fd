package io.domaindesk.agency;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.domaindesk.infrastructure.Flash;
import io.domaindesk.ovh.Nichandle;
import io.domaindesk.ovh.OvhException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /admin/ovh-accounts}: the agency's OVHcloud connections, connecting a new one,
 * testing it, and the connected nichandle's own details.
 */
@Controller
@RequestMapping("/admin/ovh-accounts")
class OvhAccountsController {

	private final OvhAccountRepository accounts;

	private final CurrentUser currentUser;

	private final ConnectOvhAccount connect;

	private final OvhEndpoints endpoints;

	OvhAccountsController(OvhAccountRepository accounts, CurrentUser currentUser, ConnectOvhAccount connect,
			OvhEndpoints endpoints) {
		this.endpoints = endpoints;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.connect = connect;
	}

	/** What the page shows of a connection: never a secret. */
	record AccountRow(long id, String label, String endpoint, String applicationKey, String nichandle,
			int requestsPerMinute, boolean hasConsumerKey) {

	}

	/** The editable part of {@code GET /me}. */
	record MeForm(String firstname, String name, String organisation, String address, String zip, String city,
			String country, String phone) {

		static MeForm of(Nichandle me) {
			return new MeForm(me.firstname(), me.name(), me.organisation(), me.address(), me.zip(), me.city(),
					me.country(), me.phone());
		}

	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("newConnection")) {
			model.addAttribute("newConnection", ConnectOvhAccount.NewConnection.empty());
		}
		return page(model);
	}

	@PostMapping
	String create(@ModelAttribute("newConnection") ConnectOvhAccount.NewConnection form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletRequest request) {
		long agencyId = this.currentUser.agencyId();
		if (form.label() == null || form.label().isBlank()) {
			errors.rejectValue("label", "NotBlank");
		}
		else if (this.accounts.existsByAgencyIdAndLabel(agencyId, form.label().strip())) {
			errors.rejectValue("label", "ovh.account.labelTaken");
		}
		if (!this.endpoints.isChoice(form.endpoint())) {
			errors.rejectValue("endpoint", "ovh.account.endpointInvalid");
		}
		if (form.applicationKey() == null || form.applicationKey().isBlank()) {
			errors.rejectValue("applicationKey", "NotBlank");
		}
		if (form.applicationSecret() == null || form.applicationSecret().isBlank()) {
			errors.rejectValue("applicationSecret", "NotBlank");
		}
		if (form.requestsPerMinute() != null && (form.requestsPerMinute() < 1 || form.requestsPerMinute() > 6000)) {
			errors.rejectValue("requestsPerMinute", "ovh.account.rateInvalid");
		}
		if (errors.hasErrors()) {
			return page(model);
		}
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		try {
			ConnectOvhAccount.Requested requested = this.connect.connect(form, base);
			if (requested.validationUrl() != null) {
				// OVHcloud's own page, where the admin logs in and chooses how long the
				// key
				// is valid, is another origin: the page's CSP (form-action 'self') would
				// block a redirect answering this POST, so the admin continues by a link.
				redirect.addFlashAttribute("validationUrl", requested.validationUrl());
				return "redirect:/admin/ovh-accounts/" + requested.accountId() + "/authorize";
			}
			Flash.ok(redirect, "ovh.account.created", form.label());
		}
		catch (OvhException ex) {
			Flash.ovh(model, ex);
			return page(model);
		}
		return "redirect:/admin/ovh-accounts";
	}

	/** The step between the form and OVHcloud's validation page: a link to continue. */
	@GetMapping("/{id}/authorize")
	String authorize(@PathVariable long id, Model model) {
		model.addAttribute("account", row(find(id)));
		Object url = model.getAttribute("validationUrl");
		if (!(url instanceof String link) || !link.matches("(?i)^https?://[^\\s]+$")) {
			// A reload after the flash was used: the key was requested, a new request
			// starts from the form.
			model.addAttribute("validationUrl", null);
		}
		return "agency/ovh-authorize";
	}

	/**
	 * Where OVHcloud sends the admin back after validating the consumer key. A GET
	 * changes nothing: the page offers the test (a POST) that records the connected
	 * nichandle.
	 */
	@GetMapping("/{id}/validated")
	String validated(@PathVariable long id, Model model) {
		model.addAttribute("account", row(find(id)));
		return "agency/ovh-validated";
	}

	@PostMapping("/{id}/test")
	String test(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("check", this.connect.test(id));
		redirect.addFlashAttribute("checkedId", id);
		return "redirect:/admin/ovh-accounts";
	}

	@GetMapping("/{id}/me")
	String me(@PathVariable long id, Model model) {
		model.addAttribute("account", row(find(id)));
		try {
			Nichandle me = this.connect.me(id);
			model.addAttribute("ovhMe", me);
			model.addAttribute("meForm", MeForm.of(me));
		}
		catch (OvhException ex) {
			Flash.ovh(model, ex);
		}
		return "agency/ovh-me";
	}

	@PostMapping("/{id}/me")
	String updateMe(@PathVariable long id, @ModelAttribute("meForm") MeForm form, Model model,
			RedirectAttributes redirect) {
		OvhAccount account = find(id);
		try {
			this.connect.updateMe(id,
					new Nichandle(form.address(), null, null, null, form.city(), null, null, null, form.country(), null,
							null, null, null, form.firstname(), null, null, null, null, form.name(), null, null,
							form.organisation(), null, null, form.phone(), null, null, null, null, null, null, null,
							form.zip()));
			Flash.ok(redirect, "ovh.me.updated");
			return "redirect:/admin/ovh-accounts/" + id + "/me";
		}
		catch (OvhException ex) {
			// Keep what was typed, with OVHcloud's answer.
			model.addAttribute("account", row(account));
			Flash.ovh(model, ex);
			return "agency/ovh-me";
		}
	}

	private String page(Model model) {
		List<AccountRow> rows = this.accounts.findByAgencyIdOrderByLabelAsc(this.currentUser.agencyId())
			.stream()
			.map(OvhAccountsController::row)
			.toList();
		model.addAttribute("accounts", rows);
		model.addAttribute("endpoints", this.endpoints.choices());
		return "agency/ovh-accounts";
	}

	private OvhAccount find(long id) {
		return this.accounts.findByIdAndAgencyId(id, this.currentUser.agencyId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static AccountRow row(OvhAccount account) {
		return new AccountRow(account.getId(), account.getLabel(), account.getEndpoint(), account.getApplicationKey(),
				account.getNichandle(), account.getRequestsPerMinute(), account.getConsumerKeyEnc() != null);
	}

}
