package io.domaindesk.trades;

import java.time.ZoneId;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.infrastructure.Flash;
import io.domaindesk.infrastructure.TimeZoneSettings;
import io.domaindesk.ovh.OvhException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /trades}: the agency's trades, awaiting approval first; and the agency's trade
 * setting (four eyes), for its admins.
 */
@Controller
class TradesController {

	private final CurrentUser currentUser;

	private final TradeList list;

	private final TradeSettings settings;

	private final TradeTracker tracker;

	private final ZoneId zone;

	TradesController(CurrentUser currentUser, TradeList list, TradeSettings settings, TradeTracker tracker,
			TimeZoneSettings zone) {
		this.currentUser = currentUser;
		this.list = list;
		this.settings = settings;
		this.tracker = tracker;
		this.zone = zone.timeZone();
	}

	@GetMapping("/trades")
	String list(@ModelAttribute("query") TradeList.Query query, HtmxRequest htmx, Model model) {
		long agencyId = this.currentUser.agencyId();
		TradeList.Page page = this.list.page(agencyId, query, this.zone);
		model.addAttribute("page", page);
		model.addAttribute("query", page.query());
		model.addAttribute("fourEyes", this.settings.fourEyes(agencyId));
		return htmx.isHtmxRequest() ? "trades/list :: results" : "trades/list";
	}

	@PostMapping("/trades/refresh")
	String refresh(RedirectAttributes redirect) {
		try {
			this.tracker.poll(this.currentUser.agencyId());
			Flash.ok(redirect, "trade.refreshed");
		}
		catch (OvhException ex) {
			Flash.ovh(redirect, ex);
		}
		return "redirect:/trades";
	}

	@PostMapping("/trades/settings")
	String settings(@RequestParam(defaultValue = "false") boolean fourEyes, RedirectAttributes redirect) {
		Flash.ok(redirect, switch (this.settings.setFourEyes(fourEyes)) {
			case TURNED_OFF_ONLY_ADMIN -> "trade.settings.fourEyes.offOnlyAdmin";
			case REQUESTED -> "trade.settings.fourEyes.requested";
			case ALREADY_REQUESTED -> "trade.settings.fourEyes.alreadyRequested";
			case CANCELLED -> "trade.settings.fourEyes.onWithdrawn";
			default -> fourEyes ? "trade.settings.fourEyes.on" : "trade.settings.fourEyes.off";
		});
		return "redirect:/trades";
	}

}
