package io.domaindesk.sandbox;

import java.util.List;
import java.util.Objects;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.OvhAccounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-mails OVHcloud would have sent, with the links they carry as buttons.
 */
@Controller
@ConditionalOnSandbox
class MailboxPage {

	private final Mailbox mailbox;

	private final ContactChanges contactChanges;

	private final DomainTasks domainTasks;

	private final CurrentUser currentUser;

	private final OvhAccounts accounts;

	private final Credentials credentials;

	MailboxPage(Mailbox mailbox, ContactChanges contactChanges, DomainTasks domainTasks, CurrentUser currentUser,
			OvhAccounts accounts, Credentials credentials) {
		this.mailbox = mailbox;
		this.contactChanges = contactChanges;
		this.domainTasks = domainTasks;
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.credentials = credentials;
	}

	@GetMapping("/ovh-sandbox/mailbox")
	String mailbox(@RequestParam(required = false) String recipient, Model model) {
		model.addAttribute("recipient", recipient);
		model.addAttribute("mails", this.mailbox.latest(recipient, readableAccounts(), 200));
		return "sandbox/mailbox";
	}

	/**
	 * The sandbox accounts whose mail the current user reads: those their agency's
	 * connections act as (tokens in another agency's mail would let them answer for it).
	 * Null, meaning all, for the platform admin, who runs the sandbox.
	 */
	private List<String> readableAccounts() {
		DeskPrincipal user = this.currentUser.get();
		if (user.agencyId() == null) {
			return null;
		}
		List<String> consumerKeys = this.accounts.forAgency(user.agencyId())
			.stream()
			.map((account) -> account.connection().consumerKey())
			.filter(Objects::nonNull)
			.toList();
		return this.credentials.accountsOfConsumerKeys(consumerKeys);
	}

	@PostMapping("/ovh-sandbox/mailbox/contact-change/{taskId}")
	String contactChange(@PathVariable long taskId, @RequestParam String token, @RequestParam boolean accept,
			@RequestParam(required = false) String recipient, RedirectAttributes redirect) {
		try {
			this.contactChanges.answer(taskId, token, accept);
			redirect.addFlashAttribute("message",
					"Contact change " + taskId + (accept ? " accepted" : " refused") + " with this token.");
		}
		catch (OvhError ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return back(recipient, redirect);
	}

	@PostMapping("/ovh-sandbox/mailbox/trade/{taskId}")
	String trade(@PathVariable long taskId, @RequestParam String token, @RequestParam boolean confirm,
			@RequestParam(required = false) String recipient, RedirectAttributes redirect) {
		try {
			this.domainTasks.answerTrade(taskId, token, confirm);
			redirect.addFlashAttribute("message",
					"Owner change " + taskId + (confirm ? " confirmed" : " refused") + " with this token.");
		}
		catch (OvhError ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return back(recipient, redirect);
	}

	private static String back(String recipient, RedirectAttributes redirect) {
		if (recipient != null && !recipient.isBlank()) {
			redirect.addAttribute("recipient", recipient);
		}
		return "redirect:/ovh-sandbox/mailbox";
	}

}
