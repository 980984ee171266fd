package io.domaindesk.audit;

import java.io.IOException;
import java.time.LocalDate;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /audit}: the agency's trail for its admins and auditors, its exports and the
 * chain verification. The URL rules let auditors post here, so the one POST is guarded by
 * role on the method.
 */
@Controller
class AuditController {

	private final CurrentUser currentUser;

	private final AuditQuery query;

	private final AuditExport export;

	private final ChainVerifier verifier;

	AuditController(CurrentUser currentUser, AuditQuery query, AuditExport export, ChainVerifier verifier) {
		this.currentUser = currentUser;
		this.query = query;
		this.export = export;
		this.verifier = verifier;
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("filter") AuditFilter filter, HtmxRequest htmx, Model model) {
		long agencyId = this.currentUser.agencyId();
		AuditQuery.Page page = this.query.page(agencyId, filter);
		model.addAttribute("page", page);
		model.addAttribute("filter", page.filter());
		model.addAttribute("outcomes", AuditOutcome.values());
		model.addAttribute("zone", this.query.zone());
		model.addAttribute("check", this.verifier.latest(agencyId).orElse(null));
		return htmx.isHtmxRequest() ? "audit/list :: results" : "audit/list";
	}

	@GetMapping("/audit/export")
	void export(@ModelAttribute AuditFilter filter, @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		AuditExport.Format chosen = AuditExport.Format.parse(format);
		if (chosen == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be csv, xlsx or pdf");
		}
		long agencyId = this.currentUser.agencyId();
		DeskPrincipal me = this.currentUser.get();
		response.setContentType(chosen.contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"audit-" + LocalDate.now(this.query.zone()) + "." + chosen.extension + "\"");
		this.export.write(agencyId, filter, chosen,
				new AuditExport.Requester(me.getUsername(), me.displayName(), LocaleContextHolder.getLocale()),
				response.getOutputStream());
	}

	@PostMapping("/audit/verify")
	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	String verify(RedirectAttributes redirect) {
		long agencyId = this.currentUser.agencyId();
		ChainCheck check = this.verifier.verifyAndRecord(agencyId, this.currentUser.get().getUsername());
		redirect.addFlashAttribute(check.intact() ? "flash" : "flashError",
				check.intact() ? "audit.verify.intact" : "audit.verify.broken");
		redirect.addFlashAttribute("flashArgs",
				new Object[] { check.rowsChecked(), (check.brokenEventId() != null) ? check.brokenEventId() : "—" });
		return "redirect:/audit";
	}

}
