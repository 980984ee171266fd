package io.domaindesk.trades;

import java.util.List;
import java.util.Map;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.domains.Inventory;
import io.domaindesk.infrastructure.Flash;
import io.domaindesk.ovh.DomainContact;
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
 * {@code /domains/{domain}/trade}: price and eligibility, then the new owner (a new
 * contact from the {@code trade} rules, or one of the account's contacts). Sending it
 * records the trade and runs the dry run.
 */
@Controller
@RequestMapping("/domains/{domain}/trade")
class TradeStartController {

	private final CurrentUser currentUser;

	private final Inventory inventory;

	private final TradeOffer offers;

	private final OwnerContact owners;

	private final TradeConnections connections;

	private final TradeRepository trades;

	private final StartTrade start;

	TradeStartController(CurrentUser currentUser, Inventory inventory, TradeOffer offers, OwnerContact owners,
			TradeConnections connections, TradeRepository trades, StartTrade start) {
		this.currentUser = currentUser;
		this.inventory = inventory;
		this.offers = offers;
		this.owners = owners;
		this.connections = connections;
		this.trades = trades;
		this.start = start;
	}

	@GetMapping
	String form(@PathVariable String domain, Model model) {
		Inventory.InventoryDomain found = find(domain);
		Trade open = openTrade(found);
		if (open != null) {
			return "redirect:/trades/" + open.getId();
		}
		return page(found, Map.of(), null, "new", model);
	}

	/** From the owner page: the values typed there become the new owner's. */
	@PostMapping("/prefill")
	String prefill(@PathVariable String domain, @RequestParam Map<String, String> params, Model model) {
		Inventory.InventoryDomain found = find(domain);
		return page(found, ContactForm.from(params).fields(), null, "new", model);
	}

	@PostMapping
	String start(@PathVariable String domain, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "new") String source, @RequestParam(required = false) Long contactId,
			Model model, RedirectAttributes redirect) {
		Inventory.InventoryDomain found = find(domain);
		ContactForm form = ContactForm.from(params);
		if ("existing".equals(source) && contactId == null) {
			Flash.error(model, "trade.contact.choose");
			return page(found, form.fields(), null, source, model);
		}
		StartTrade.Result result;
		try {
			result = this.start.start(found,
					new StartTrade.NewOwner("existing".equals(source) ? contactId : null, form.fields()));
		}
		catch (OvhException ex) {
			Flash.ovh(model, ex);
			return page(found, form.fields(), null, source, model);
		}
		if (result.tradeId() == null) {
			if (result.error() != null && result.error().startsWith("trade.")) {
				Flash.error(model, result.error());
			}
			else if (result.error() != null || !result.fieldErrors().isEmpty()) {
				Flash.failed(model, (result.error() != null) ? "ovh.error" : "trade.owner.refused", result.error(),
						result.queryId());
			}
			return page(found, form.fields(), result.fieldErrors(), source, model);
		}
		Trade trade = this.trades.findById(result.tradeId()).orElseThrow();
		if (result.existing()) {
			Flash.error(redirect, "trade.alreadyOpen");
		}
		else if (trade.getLastError() != null) {
			Flash.failed(redirect, "trade.step.failed", trade.getLastError(), trade.getLastQueryId());
		}
		else {
			Flash.ok(redirect, "trade.prepared", found.unicodeName());
		}
		return "redirect:/trades/" + trade.getId();
	}

	private String page(Inventory.InventoryDomain domain, Map<String, String> values, Map<String, String> fieldErrors,
			String source, Model model) {
		long agencyId = this.currentUser.agencyId();
		model.addAttribute("domain", domain);
		model.addAttribute("values", values);
		model.addAttribute("fieldErrors", (fieldErrors != null) ? fieldErrors : Map.of());
		model.addAttribute("source", source);
		try {
			model.addAttribute("offer", this.offers.read(agencyId, domain).orElse(null));
			OwnerContact.Owner owner = this.owners.read(agencyId, domain, "trade");
			model.addAttribute("owner", owner);
			model.addAttribute("ownerName", ContactValues.displayName(owner.contact()));
			model.addAttribute("fields", owner.fields());
			List<DomainContact> contacts = this.connections.client(agencyId, domain.ovhAccountId())
				.contacts()
				.domainContacts()
				.stream()
				.filter(c -> c.id() != null && c.id() != owner.contactId())
				.toList();
			model.addAttribute("contacts", contacts.stream().map(TradeStartController::choice).toList());
		}
		catch (OvhException ex) {
			Flash.ovh(model, ex);
		}
		return "trades/start";
	}

	/** An existing contact as the choice list shows it. */
	public record Choice(long id, String label) {

	}

	private static Choice choice(DomainContact contact) {
		String name = ContactValues.displayName(contact);
		return new Choice(contact.id(), contact.id() + " · " + ((name != null) ? name : "?")
				+ ((contact.email() != null) ? " · " + contact.email() : ""));
	}

	private Trade openTrade(Inventory.InventoryDomain domain) {
		return this.trades.findByAgencyIdAndDomainNameOrderByIdDesc(this.currentUser.agencyId(), domain.name())
			.stream()
			.filter(t -> !t.getStatus().isFinal())
			.findFirst()
			.orElse(null);
	}

	private Inventory.InventoryDomain find(String domain) {
		return this.inventory.find(this.currentUser.agencyId(), domain)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
