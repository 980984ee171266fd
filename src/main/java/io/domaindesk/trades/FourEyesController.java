package io.domaindesk.trades;

import io.domaindesk.infrastructure.Flash;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/four-eyes/{id}/...}: an agency admin confirms, cancels or dismisses a
 * change to the four-eyes rule from the dashboard ({@link TradeSettings}). Under
 * {@code /admin}, so the URL rules already keep staff and auditors out.
 */
@Controller
@RequestMapping("/admin/four-eyes/{id}")
class FourEyesController {

	private final TradeSettings settings;

	FourEyesController(TradeSettings settings) {
		this.settings = settings;
	}

	@PostMapping("/confirm")
	String confirm(@PathVariable long id, RedirectAttributes redirect) {
		switch (known(this.settings.confirm(id), id)) {
			case CONFIRMED -> Flash.ok(redirect, "trade.settings.fourEyes.confirmed");
			case OWN_REQUEST -> Flash.error(redirect, "trade.settings.fourEyes.ownRequest");
			default -> Flash.error(redirect, "trade.settings.fourEyes.notPending");
		}
		return "redirect:/admin";
	}

	@PostMapping("/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		if (known(this.settings.cancel(id), id) == TradeSettings.Outcome.CANCELLED) {
			Flash.ok(redirect, "trade.settings.fourEyes.cancelled");
		}
		else {
			Flash.error(redirect, "trade.settings.fourEyes.notPending");
		}
		return "redirect:/admin";
	}

	@PostMapping("/dismiss")
	String dismiss(@PathVariable long id) {
		if (!this.settings.isOwn(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.settings.dismiss(id);
		return "redirect:/admin";
	}

	/** Another agency's change (or none) answers 404, like every foreign id. */
	private TradeSettings.Outcome known(TradeSettings.Outcome outcome, long id) {
		if (outcome == TradeSettings.Outcome.NOT_PENDING && !this.settings.isOwn(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return outcome;
	}

}
