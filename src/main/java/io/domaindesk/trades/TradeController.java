package io.domaindesk.trades;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;
import io.domaindesk.clients.Consents;
import io.domaindesk.ovh.OvhException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /trades/{id}}: where a trade stands, the order form of its dry run, the next
 * step (submit, approve, follow the task) and its full history.
 */
@Controller
@RequestMapping("/trades/{id}")
class TradeController {

	private final CurrentUser currentUser;

	private final TradeRepository trades;

	private final TradeHistory history;

	private final TradeSettings settings;

	private final PrepareCart prepare;

	private final SubmitTrade submit;

	private final ApproveTrade approve;

	private final CancelTrade cancel;

	private final TradeTracker tracker;

	private final ActOnTradeTask task;

	private final Consents consents;

	private final RequestConsent requestConsent;

	private final TradePaymentController payment;

	TradeController(CurrentUser currentUser, TradeRepository trades, TradeHistory history, TradeSettings settings,
			PrepareCart prepare, SubmitTrade submit, ApproveTrade approve, CancelTrade cancel, TradeTracker tracker,
			ActOnTradeTask task, Consents consents, RequestConsent requestConsent, TradePaymentController payment) {
		this.consents = consents;
		this.requestConsent = requestConsent;
		this.currentUser = currentUser;
		this.trades = trades;
		this.history = history;
		this.settings = settings;
		this.prepare = prepare;
		this.submit = submit;
		this.approve = approve;
		this.cancel = cancel;
		this.tracker = tracker;
		this.task = task;
		this.payment = payment;
	}

	@GetMapping
	String show(@PathVariable long id, Model model) {
		Trade trade = find(id);
		boolean fourEyes = this.settings.fourEyes(trade.getAgencyId());
		model.addAttribute("trade", trade);
		model.addAttribute("preview", TradePreview.of(trade.getPreviewJson()));
		model.addAttribute("events", this.history.of(id));
		model.addAttribute("fourEyes", fourEyes);
		model.addAttribute("mayApprove", trade.approvableBy(this.currentUser.get().getUsername(), fourEyes));
		model.addAttribute("consentMode", this.consents.mode(trade.getAgencyId()));
		model.addAttribute("consents", this.consents.ofTrade(trade.getAgencyId(), id));
		this.payment.addTo(trade, model, fourEyes, trade.approvableBy(this.currentUser.get().getUsername(), fourEyes));
		return "trades/show";
	}

	@PostMapping("/prepare")
	String prepare(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		return act(id, redirect, () -> {
			if (this.prepare.prepare(id)) {
				Flash.ok(redirect, "trade.prepared.again");
			}
			else {
				failed(id, redirect);
			}
		});
	}

	@PostMapping("/submit")
	String submit(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		return act(id, redirect, () -> {
			this.submit.submit(id);
			Flash.ok(redirect, "trade.submitted");
		});
	}

	/** The owner's consent, asked by e-mail before the trade is submitted. */
	@PostMapping("/consent")
	String consent(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		return act(id, redirect, () -> this.requestConsent.request(id)
			.ifPresentOrElse(key -> Flash.error(redirect, key), () -> Flash.ok(redirect, "consent.sent")));
	}

	@PostMapping("/approve")
	String approve(@PathVariable long id, @RequestParam(defaultValue = "false") boolean waiveRetractationPeriod,
			@RequestParam(defaultValue = "false") boolean autoPayWithPreferredPaymentMethod,
			RedirectAttributes redirect) {
		find(id);
		return act(id, redirect, () -> {
			ApproveTrade.Outcome outcome = this.approve.approve(id, waiveRetractationPeriod,
					autoPayWithPreferredPaymentMethod);
			Trade trade = this.trades.findById(id).orElseThrow();
			switch (outcome) {
				case CART_RENEWED -> Flash.error(redirect, "trade.cart.renewed");
				case CART_FAILED -> failed(id, redirect);
				case CHECKED_OUT -> {
					if (trade.getStatus() == TradeStatus.ORDERED) {
						// Whether the order waits for payment shows at once, not at the
						// next poll.
						trade = followed(id);
					}
					switch (trade.getStatus()) {
						case ORDERED, IN_PROGRESS -> Flash.ok(redirect, "trade.ordered");
						case AWAITING_PAYMENT -> Flash.error(redirect, "trade.ordered.notPaid");
						case UNKNOWN -> Flash.error(redirect, "trade.checkout.unknown");
						default -> {
							Flash.failed(redirect, "trade.checkout.failed", trade.getLastError(),
									trade.getLastQueryId());
						}
					}
				}
			}
		});
	}

	@PostMapping("/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		return act(id, redirect, () -> {
			this.cancel.cancel(id);
			Flash.ok(redirect, "trade.cancelled");
		});
	}

	@PostMapping("/refresh")
	String refresh(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		return act(id, redirect, () -> {
			this.tracker.follow(id);
			Flash.ok(redirect, "trade.refreshed");
		});
	}

	@PostMapping("/task/{action}")
	String task(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		find(id);
		ActOnTradeTask.Action chosen = switch (action) {
			case "cancel" -> ActOnTradeTask.Action.CANCEL;
			case "accelerate" -> ActOnTradeTask.Action.ACCELERATE;
			case "relaunch" -> ActOnTradeTask.Action.RELAUNCH;
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		return act(id, redirect, () -> {
			this.task.act(id, chosen);
			Flash.ok(redirect, "trade.task." + action);
		});
	}

	private Trade followed(long id) {
		try {
			return this.tracker.followPayment(id);
		}
		catch (OvhException | IllegalStateException ex) {
			return this.trades.findById(id).orElseThrow();
		}
	}

	/** Runs a step; refusals and OVHcloud errors come back in words on the trade page. */
	private String act(long id, RedirectAttributes redirect, Runnable step) {
		try {
			step.run();
		}
		catch (TradeRefused ex) {
			Flash.error(redirect, ex.code());
		}
		catch (OvhException ex) {
			Flash.ovh(redirect, ex);
		}
		return "redirect:/trades/" + id;
	}

	private void failed(long id, RedirectAttributes redirect) {
		Trade trade = this.trades.findById(id).orElseThrow();
		Flash.failed(redirect, "trade.step.failed", trade.getLastError(), trade.getLastQueryId());
	}

	private Trade find(long id) {
		return this.trades.findByIdAndAgencyId(id, this.currentUser.agencyId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
