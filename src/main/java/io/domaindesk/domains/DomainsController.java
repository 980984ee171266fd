package io.domaindesk.domains;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;
import io.domaindesk.ovh.OvhException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * {@code /domains}: the screen agency staff live in, and the page of one domain.
 */
@Controller
class DomainsController {

	private final CurrentUser currentUser;

	private final DomainListView view;

	private final DomainExport export;

	private final DomainPages pages;

	private final DomainLive live;

	private final DomainActions actions;

	DomainsController(CurrentUser currentUser, DomainListView view, DomainExport export, DomainPages pages,
			DomainLive live, DomainActions actions) {
		this.currentUser = currentUser;
		this.view = view;
		this.export = export;
		this.pages = pages;
		this.live = live;
		this.actions = actions;
	}

	@GetMapping("/domains")
	String list(@ModelAttribute("filter") DomainFilter filter, HtmxRequest htmx, Model model) {
		if (this.currentUser.get().agencyId() == null) {
			model.addAttribute("platformAdmin", true);
			return "domains/list";
		}
		DomainListView.View view = this.view.read(this.currentUser.agencyId(), filter);
		model.addAttribute("page", view.page());
		model.addAttribute("filter", view.page().filter());
		model.addAttribute("tlds", view.tlds());
		model.addAttribute("states", view.states());
		model.addAttribute("exportColumns", ExportColumn.values());
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("lastSync", view.lastSync());
		model.addAttribute("dataAsOf", view.dataAsOf());
		// htmx live search swaps only the results; the URL (pushed by htmx) still holds
		// every filter.
		return htmx.isHtmxRequest() ? "domains/list :: results" : "domains/list";
	}

	@GetMapping("/domains/export")
	void export(@ModelAttribute DomainFilter filter, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) List<String> columns, HttpServletResponse response) throws IOException {
		DomainExport.Format chosen = switch (format.toLowerCase()) {
			case "csv" -> DomainExport.Format.CSV;
			case "xlsx" -> DomainExport.Format.XLSX;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be csv or xlsx");
		};
		long agencyId = this.currentUser.agencyId();
		response.setContentType(chosen.contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"domains-" + LocalDate.now() + "." + chosen.extension + "\"");
		this.export.write(agencyId, filter, ExportColumn.chosen(columns), chosen, response.getOutputStream());
	}

	@GetMapping("/domains/{domain}")
	String show(@PathVariable String domain, Model model) {
		long agencyId = this.currentUser.agencyId();
		DomainPages.DomainPage page = find(agencyId, domain);
		model.addAttribute("d", page);
		// Read outside any transaction: no database connection waits on OVHcloud.
		model.addAttribute("live", this.live.fetch(agencyId, page.domain().ovhAccountId(), page.domain()));
		return "domains/show";
	}

	@PostMapping("/domains/{domain}/refresh")
	String refresh(@PathVariable String domain, RedirectAttributes redirect) {
		long agencyId = this.currentUser.agencyId();
		DomainRow row = find(agencyId, domain).domain();
		try {
			this.actions.refresh(agencyId, row);
			Flash.ok(redirect, "domain.refreshed");
		}
		catch (OvhException ex) {
			Flash.ovh(redirect, ex);
		}
		return "redirect:/domains/" + row.name();
	}

	@PostMapping("/domains/{domain}/tasks/{taskId}/{action}")
	String taskAction(@PathVariable String domain, @PathVariable long taskId, @PathVariable String action,
			RedirectAttributes redirect) {
		long agencyId = this.currentUser.agencyId();
		DomainRow row = find(agencyId, domain).domain();
		DomainActions.TaskAction chosen = switch (action) {
			case "accelerate" -> DomainActions.TaskAction.ACCELERATE;
			case "cancel" -> DomainActions.TaskAction.CANCEL;
			case "relaunch" -> DomainActions.TaskAction.RELAUNCH;
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		try {
			this.actions.onTask(agencyId, row, taskId, chosen);
			Flash.ok(redirect, "domain.task.done." + action, taskId);
		}
		catch (OvhException ex) {
			Flash.ovh(redirect, ex);
		}
		return "redirect:/domains/" + row.name();
	}

	private DomainPages.DomainPage find(long agencyId, String domain) {
		return this.pages.find(agencyId, domain).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
