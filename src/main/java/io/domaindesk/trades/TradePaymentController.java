package io.domaindesk.trades;

import java.util.List;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;
import io.domaindesk.ovh.DomainTaskArgument;
import io.domaindesk.ovh.OvhException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps of a trade after its checkout that OVHcloud may ask for: paying an order left
 * unpaid, and correcting the arguments of a task in error before relaunching it. Also
 * adds to the trade page what those steps need to show.
 */
@Controller
@RequestMapping("/trades/{id}")
class TradePaymentController {

	private final CurrentUser currentUser;

	private final TradeRepository trades;

	private final TradeSettings settings;

	private final PayTrade pay;

	private final TradePayment payment;

	private final TradeTracker tracker;

	private final TradeTaskArguments arguments;

	TradePaymentController(CurrentUser currentUser, TradeRepository trades, TradeSettings settings, PayTrade pay,
			TradePayment payment, TradeTracker tracker, TradeTaskArguments arguments) {
		this.currentUser = currentUser;
		this.trades = trades;
		this.settings = settings;
		this.pay = pay;
		this.payment = payment;
		this.tracker = tracker;
		this.arguments = arguments;
	}

	/**
	 * What the trade page shows about payment and task arguments; reads OVHcloud only for
	 * what the current state needs (the default method for an admin about to approve, the
	 * arguments of a task in error).
	 */
	void addTo(Trade trade, Model model, boolean fourEyes, boolean mayApprove) {
		String username = this.currentUser.get().getUsername();
		model.addAttribute("mayPay", trade.payableBy(username, fourEyes));
		if (mayApprove && this.currentUser.get()
			.getAuthorities()
			.stream()
			.anyMatch(a -> "ROLE_AGENCY_ADMIN".equals(a.getAuthority()))) {
			model.addAttribute("defaultPayment", this.payment.defaultMethod(trade));
		}
		if (TradeTaskArguments.correctable(trade)) {
			try {
				List<DomainTaskArgument> read = this.arguments.read(trade);
				model.addAttribute("taskArguments", read);
			}
			catch (OvhException ex) {
				model.addAttribute("taskArgumentsError", UpdateOwner.describe(ex));
			}
		}
	}

	@PostMapping("/pay")
	String pay(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		try {
			PayTrade.Outcome outcome = this.pay.pay(id);
			Trade trade = this.trades.findById(id).orElseThrow();
			switch (outcome) {
				case PAID -> {
					follow(id);
					Flash.ok(redirect, "trade.paid", trade.getOrderId());
				}
				case UNKNOWN -> Flash.error(redirect, "trade.pay.unknown");
				case REFUSED ->
					Flash.failed(redirect, "trade.pay.refused", trade.getLastError(), trade.getLastQueryId());
				case NO_MEAN -> Flash.error(redirect, "trade.pay.noMean");
			}
		}
		catch (TradeRefused ex) {
			Flash.error(redirect, ex.code());
		}
		catch (OvhException ex) {
			Flash.ovh(redirect, ex);
		}
		return "redirect:/trades/" + id;
	}

	@PostMapping("/task/arguments/{key}")
	String correct(@PathVariable long id, @PathVariable String key, @RequestParam(required = false) String value,
			RedirectAttributes redirect) {
		find(id);
		try {
			TradeTaskArguments.Rejection rejection = this.arguments.correct(id, key, value);
			if (rejection != null) {
				Flash.error(redirect, rejection.code(), rejection.args());
				redirect.addFlashAttribute("argumentKey", key);
				redirect.addFlashAttribute("argumentValue", value);
			}
			else {
				Flash.ok(redirect, "trade.argument.saved", key);
			}
		}
		catch (TradeRefused ex) {
			Flash.error(redirect, ex.code());
		}
		catch (OvhException ex) {
			Flash.ovh(redirect, ex);
			redirect.addFlashAttribute("argumentKey", key);
			redirect.addFlashAttribute("argumentValue", value);
		}
		return "redirect:/trades/" + id;
	}

	/** A reading right after a step, so that the page shows where it led. */
	private void follow(long id) {
		try {
			this.tracker.follow(id);
		}
		catch (OvhException | IllegalStateException ex) {
			// The background poll reads it again.
		}
	}

	private Trade find(long id) {
		return this.trades.findByIdAndAgencyId(id, this.currentUser.agencyId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
