package io.domaindesk.clients;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.audit.AuditHistory;
import io.domaindesk.infrastructure.Flash;
import io.domaindesk.domains.DomainRow;
import io.domaindesk.domains.Inventory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /clients}: the owners behind the agency's domains, and one client's page with
 * its domains, owner contacts and the history of its trades and consents.
 */
@Controller
class ClientsController {

	/** Domains shown on a client's page; the domain list, filtered, shows them all. */
	static final int DOMAINS_SHOWN = 100;

	private final CurrentUser currentUser;

	private final ClientList clients;

	private final ManageClients manage;

	private final ConsentSettings settings;

	private final Inventory inventory;

	private final AuditHistory history;

	private final ConsentRequestRepository consents;

	private final JdbcClient jdbc;

	ClientsController(CurrentUser currentUser, ClientList clients, ManageClients manage, ConsentSettings settings,
			Inventory inventory, AuditHistory history, ConsentRequestRepository consents, JdbcClient jdbc) {
		this.currentUser = currentUser;
		this.clients = clients;
		this.manage = manage;
		this.settings = settings;
		this.inventory = inventory;
		this.history = history;
		this.consents = consents;
		this.jdbc = jdbc;
	}

	@GetMapping("/clients")
	String list(@ModelAttribute("filter") ClientFilter filter, HtmxRequest htmx, Model model) {
		long agencyId = agency();
		ClientList.Page page = this.clients.page(agencyId, filter);
		if (page.rows().isEmpty() && filter.page() > page.pages()) {
			page = this.clients.page(agencyId, filter.withPage(page.pages()));
		}
		model.addAttribute("page", page);
		model.addAttribute("filter", page.filter());
		model.addAttribute("consentMode", this.settings.mode(agencyId));
		model.addAttribute("consentModes", ConsentMode.values());
		return htmx.isHtmxRequest() ? "clients/list :: results" : "clients/list";
	}

	@GetMapping("/clients/{id}")
	String show(@PathVariable long id, Model model) {
		long agencyId = agency();
		ClientList.Row client = find(agencyId, id);
		List<DomainRow> domains = this.inventory.clientDomains(agencyId, id, DOMAINS_SHOWN);
		Map<String, Owner> owners = new LinkedHashMap<>();
		for (DomainRow domain : domains) {
			owners.merge(String.valueOf(domain.ownerContactId()), new Owner(domain.ownerContactId(), domain.owner(), 1),
					(a, b) -> new Owner(a.contactId(), a.name(), a.domains() + 1));
		}
		Instant now = Instant.now();
		model.addAttribute("client", client);
		model.addAttribute("domains", domains);
		model.addAttribute("owners", owners.values());
		model.addAttribute("consents",
				this.consents.findTop50ByAgencyIdAndClientIdOrderByCreatedAtDesc(agencyId, id)
					.stream()
					.map(r -> Consents.evidence(r, now))
					.toList());
		model.addAttribute("events", this.history.ofDomains(agencyId, domains.stream().map(DomainRow::name).toList(),
				List.of("trade.", "consent."), 50));
		model.addAttribute("similar", similar(agencyId, client));
		return "clients/show";
	}

	/** An owner contact of the client, with how many of the shown domains it owns. */
	record Owner(String contactId, String name, int domains) {

	}

	/** Another client that may be the same person or organisation: a merge candidate. */
	record Similar(long id, String name, String email, int domains) {

	}

	@PostMapping("/clients/{id}/label")
	String label(@PathVariable long id, @RequestParam(defaultValue = "") String label, RedirectAttributes redirect) {
		long agencyId = agency();
		find(agencyId, id);
		this.manage.label(agencyId, id, label);
		Flash.ok(redirect, "clients.labelled");
		return "redirect:/clients/" + id;
	}

	@PostMapping("/clients/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) Long other, RedirectAttributes redirect) {
		long agencyId = agency();
		find(agencyId, id);
		if (other == null || other == id || this.clients.find(agencyId, other).isEmpty()) {
			Flash.error(redirect, "clients.merge.unknown");
			return "redirect:/clients/" + id;
		}
		this.manage.merge(agencyId, id, other);
		Flash.ok(redirect, "clients.merged");
		return "redirect:/clients/" + id;
	}

	@PostMapping("/clients/{id}/split")
	String split(@PathVariable long id, @RequestParam(required = false) List<String> names,
			@RequestParam(defaultValue = "") String label, RedirectAttributes redirect) {
		long agencyId = agency();
		find(agencyId, id);
		Long created = (names == null || names.isEmpty()) ? null
				: this.manage.split(agencyId, id, new LinkedHashSet<>(names), label);
		if (created == null) {
			Flash.error(redirect, "clients.split.none");
			return "redirect:/clients/" + id;
		}
		Flash.ok(redirect, "clients.split");
		return "redirect:/clients/" + created;
	}

	@PostMapping("/clients/settings")
	String settings(@RequestParam String mode, RedirectAttributes redirect) {
		ConsentMode chosen;
		try {
			chosen = ConsentMode.valueOf(mode);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		this.settings.setMode(agency(), chosen);
		Flash.ok(redirect, "clients.settings.saved");
		return "redirect:/clients";
	}

	private List<Similar> similar(long agencyId, ClientList.Row client) {
		return this.jdbc.sql("""
				select id, name, email, domain_count from client
				where agency_id = :agency and id <> :id
				  and (sort_name = :sort or (email is not null and lower(email) = lower(:email)))
				order by domain_count desc, id limit 10
				""")
			.param("agency", agencyId)
			.param("id", client.id())
			.param("sort", ClientIdentity.cut(ClientIdentity.normalise(client.name()), 255))
			.param("email", client.email())
			.query(Similar.class)
			.list();
	}

	private ClientList.Row find(long agencyId, long id) {
		return this.clients.find(agencyId, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private long agency() {
		Long agencyId = this.currentUser.get().agencyId();
		if (agencyId == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return agencyId;
	}

}
