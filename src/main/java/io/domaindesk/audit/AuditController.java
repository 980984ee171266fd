package io.domaindesk.audit;

import io.domaindesk.infrastructure.Flash;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Objects;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

	/**
	 * The principal's agency ({@code DeskPrincipal.agencyId()}), null for the platform
	 * admin.
	 */
	private static final String AGENCY = "agencyId()";

	private final AuditQuery query;

	private final AuditExport export;

	private final ChainVerifier verifier;

	AuditController(AuditQuery query, AuditExport export, ChainVerifier verifier) {
		this.query = query;
		this.export = export;
		this.verifier = verifier;
	}

	@GetMapping("/audit")
	String list(@AuthenticationPrincipal(expression = AGENCY) Long agency, @ModelAttribute("filter") AuditFilter filter,
			HtmxRequest htmx, Model model) {
		long agencyId = required(agency);
		AuditQuery.Page page = this.query.page(agencyId, filter);
		model.addAttribute("page", page);
		model.addAttribute("filter", page.filter());
		model.addAttribute("outcomes", AuditOutcome.values());
		model.addAttribute("zone", this.query.zone());
		model.addAttribute("check", this.verifier.latest(agencyId).orElse(null));
		return htmx.isHtmxRequest() ? "audit/list :: results" : "audit/list";
	}

	@GetMapping("/audit/export")
	void export(@AuthenticationPrincipal(expression = AGENCY) Long agency,
			@AuthenticationPrincipal(expression = "displayName()") String displayName, Authentication authentication,
			@ModelAttribute AuditFilter filter, @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		AuditExport.Format chosen = AuditExport.Format.parse(format);
		if (chosen == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be csv, xlsx or pdf");
		}
		long agencyId = required(agency);
		response.setContentType(chosen.contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"audit-" + LocalDate.now(this.query.zone()) + "." + chosen.extension + "\"");
		this.export.write(agencyId, filter, chosen,
				new AuditExport.Requester(authentication.getName(), displayName, LocaleContextHolder.getLocale()),
				response.getOutputStream());
	}

	@PostMapping("/audit/verify")
	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	String verify(@AuthenticationPrincipal(expression = AGENCY) Long agency, Authentication authentication,
			RedirectAttributes redirect) {
		long agencyId = required(agency);
		ChainCheck check = this.verifier.verifyAndRecord(agencyId, authentication.getName());
		if (check.intact()) {
			Flash.ok(redirect, "audit.verify.intact", check.rowsChecked(), "—");
		}
		else {
			Flash.error(redirect, "audit.verify.broken", check.rowsChecked(),
					Objects.requireNonNullElse(check.brokenEventId(), "—"));
		}
		return "redirect:/audit";
	}

	/** A user outside any agency (the platform admin) reads no agency's trail. */
	private static long required(Long agencyId) {
		if (agencyId == null) {
			throw new AccessDeniedException("No agency");
		}
		return agencyId;
	}

}
