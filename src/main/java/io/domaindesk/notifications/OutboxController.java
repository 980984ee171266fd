package io.domaindesk.notifications;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.infrastructure.Flash;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * {@code /admin/outbox}: every message as it was (or, without an SMTP server, would have
 * been) delivered, with the ones that failed in front; a failed or uncertain message can
 * be sent again.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

	private static final Set<String> STATUSES = Set.of("PENDING", "SENDING", "SENT", "FAILED", "UNCERTAIN", "NOT_SENT");

	// The message's own HTML, in a document of its own that may run nothing and reach
	// nothing.
	private static final String MESSAGE_CSP = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; "
			+ "img-src data:; sandbox; frame-ancestors 'none'";

	private final OutboxQuery query;

	private final ResendMessage resend;

	private final CurrentUser currentUser;

	OutboxController(OutboxQuery query, ResendMessage resend, CurrentUser currentUser) {
		this.query = query;
		this.resend = resend;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page,
			Model model) {
		String filter = (status != null && STATUSES.contains(status)) ? status : null;
		int current = Math.max(1, Math.min(page, 10_000));
		Long agency = scope();
		model.addAttribute("page", this.query.page(agency, filter, current));
		model.addAttribute("status", filter);
		model.addAttribute("current", current);
		model.addAttribute("statuses", STATUSES.stream().sorted().toList());
		model.addAttribute("failed", this.query.failed(agency));
		return "notifications/outbox";
	}

	@GetMapping("/{id}")
	String message(@PathVariable long id, Model model) {
		model.addAttribute("message",
				this.query.find(id, scope()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
		return "notifications/message";
	}

	@GetMapping("/{id}/html")
	ResponseEntity<String> html(@PathVariable long id, HttpServletResponse response) {
		OutboxQuery.Message message = this.query.find(id, scope())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		response.setHeader("Content-Security-Policy", MESSAGE_CSP);
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(message.htmlBody());
	}

	@PostMapping("/{id}/resend")
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		Long agency = scope();
		this.query.find(id, agency).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		if (this.resend.resend(id, agency)) {
			Flash.ok(redirect, "outbox.resent");
		}
		else {
			Flash.error(redirect, "outbox.notResent");
		}
		return "redirect:/admin/outbox/" + id;
	}

	/** The agency whose messages the user sees; {@code null} for the platform admin. */
	private Long scope() {
		DeskPrincipal me = this.currentUser.get();
		return me.agencyId();
	}

}
