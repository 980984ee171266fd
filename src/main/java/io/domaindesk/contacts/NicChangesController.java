package io.domaindesk.contacts;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;
import io.domaindesk.ovh.OvhException;

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
 * {@code /nic-changes}: every contact-change task of the agency, who must still act and
 * how long is left; accept or refuse with the e-mail's token, resend the e-mail.
 */
@Controller
class NicChangesController {

	private final CurrentUser currentUser;

	private final TrackedTasks tracked;

	private final AnswerContactChange answer;

	private final ContactChangeTracker tracker;

	NicChangesController(CurrentUser currentUser, TrackedTasks tracked, AnswerContactChange answer,
			ContactChangeTracker tracker) {
		this.currentUser = currentUser;
		this.tracked = tracked;
		this.answer = answer;
		this.tracker = tracker;
	}

	@GetMapping("/nic-changes")
	String list(@ModelAttribute("query") TrackedTasks.Query query, HtmxRequest htmx, Model model) {
		TrackedTasks.Page page = this.tracked.page(this.currentUser.agencyId(), query);
		model.addAttribute("page", page);
		model.addAttribute("query", page.query());
		return htmx.isHtmxRequest() ? "contacts/nic-changes :: results" : "contacts/nic-changes";
	}

	@PostMapping("/nic-changes/refresh")
	String refresh(RedirectAttributes redirect) {
		try {
			this.tracker.poll(this.currentUser.agencyId());
			Flash.ok(redirect, "nic.refreshed");
		}
		catch (OvhException ex) {
			Flash.ovh(redirect, ex);
		}
		return "redirect:/nic-changes";
	}

	@PostMapping("/nic-changes/{accountId}/{taskId}/{action}")
	String answer(@PathVariable long accountId, @PathVariable long taskId, @PathVariable String action,
			@RequestParam(required = false) String token, RedirectAttributes redirect) {
		TrackedTasks.TrackedTask task = this.tracked.find(this.currentUser.agencyId(), accountId, taskId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		AnswerContactChange.Answer chosen = switch (action) {
			case "accept" -> AnswerContactChange.Answer.ACCEPT;
			case "refuse" -> AnswerContactChange.Answer.REFUSE;
			case "resend" -> AnswerContactChange.Answer.RESEND;
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		if (chosen != AnswerContactChange.Answer.RESEND && (token == null || token.isBlank())) {
			Flash.error(redirect, "nic.token.required", taskId);
			return "redirect:/nic-changes?state=all&q=" + task.domainName();
		}
		try {
			this.answer.answer(task, chosen, (token != null) ? token.strip() : null);
			this.tracker.poll(this.currentUser.agencyId());
			Flash.ok(redirect, "nic.answered." + action, taskId);
		}
		catch (OvhException ex) {
			Flash.ovh(redirect, ex);
		}
		return "redirect:/nic-changes?state=all&q=" + task.domainName();
	}

}
