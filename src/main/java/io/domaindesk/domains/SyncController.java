package io.domaindesk.domains;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /sync}: start a full sync and watch its progress (htmx polls the progress
 * fragment while it runs).
 */
@Controller
class SyncController {

	private final CurrentUser currentUser;

	private final InventorySync sync;

	private final SyncRuns runs;

	SyncController(CurrentUser currentUser, InventorySync sync, SyncRuns runs) {
		this.currentUser = currentUser;
		this.sync = sync;
		this.runs = runs;
	}

	@GetMapping("/sync")
	String page(Model model) {
		model.addAttribute("runs", this.runs.recent(this.currentUser.agencyId(), 20));
		return "domains/sync";
	}

	@GetMapping("/sync/progress")
	String progress(Model model) {
		model.addAttribute("runs", this.runs.recent(this.currentUser.agencyId(), 1));
		return "domains/sync :: progress";
	}

	@PostMapping("/sync")
	String start(@RequestParam(defaultValue = "/sync") String returnTo, RedirectAttributes redirect) {
		boolean started = this.sync
			.startInBackground(this.currentUser.agencyId(), "MANUAL", this.currentUser.get().getUsername())
			.isPresent();
		if (started) {
			Flash.ok(redirect, "sync.started");
		}
		else {
			Flash.error(redirect, "sync.alreadyRunning");
		}
		// Only our own pages: an open redirect would let a link send users anywhere.
		return "redirect:" + (returnTo.equals("/domains") ? "/domains" : "/sync");
	}

}
