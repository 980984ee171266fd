package io.domaindesk.clients;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.infrastructure.Flash;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /consents/{id}}: what staff do with a request once sent (remind, revoke) and the
 * receipt of its answer. Each goes back to the trade it belongs to.
 */
@Controller
@RequestMapping("/consents/{id}")
class ConsentController {

	private final CurrentUser currentUser;

	private final Consents consents;

	private final ConsentRequestRepository requests;

	private final ConsentReceipt receipt;

	private final AuditLog audit;

	ConsentController(CurrentUser currentUser, Consents consents, ConsentRequestRepository requests,
			ConsentReceipt receipt, AuditLog audit) {
		this.currentUser = currentUser;
		this.consents = consents;
		this.requests = requests;
		this.receipt = receipt;
		this.audit = audit;
	}

	@PostMapping("/remind")
	String remind(@PathVariable String id, RedirectAttributes redirect) {
		find(id);
		Long trade = this.consents.remind(uuid(id));
		Flash.ok(redirect, "consent.reminded");
		return "redirect:/trades/" + trade;
	}

	@PostMapping("/revoke")
	String revoke(@PathVariable String id, RedirectAttributes redirect) {
		find(id);
		Long trade = this.consents.revoke(uuid(id));
		Flash.ok(redirect, "consent.revoked");
		return "redirect:/trades/" + trade;
	}

	/** The PDF receipt, downloaded by the agency (its download is audited). */
	@GetMapping("/receipt")
	@Transactional
	ResponseEntity<byte[]> receipt(@PathVariable String id, Locale locale) {
		ConsentRequest consent = find(id);
		byte[] pdf = this.receipt.pdf(consent, this.currentUser.get().agencyName(), locale);
		this.audit.record(new AuditEntry(consent.getAgencyId(), "consent.receipt", consent.getDomainName(),
				Map.of("consentId", consent.getId().toString()), AuditOutcome.SUCCESS, null));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("consent-" + consent.getId() + ".pdf").build().toString())
			.body(pdf);
	}

	private ConsentRequest find(String id) {
		Long agencyId = this.currentUser.get().agencyId();
		if (agencyId == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.requests.findByIdAndAgencyId(uuid(id), agencyId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
