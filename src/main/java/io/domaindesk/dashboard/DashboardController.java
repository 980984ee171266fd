package io.domaindesk.dashboard;

import java.util.List;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin}: an agency admin sees their agency; the platform admin sees every agency
 * side by side (without links, since the lists behind the figures are the agencies' own).
 */
@Controller
class DashboardController {

	static final int RECENT_ROWS = 20;

	static final int RECENT_ROWS_SIDE_BY_SIDE = 5;

	private final CurrentUser currentUser;

	private final AgencyDashboard dashboard;

	private final FourEyesNotices fourEyes;

	DashboardController(CurrentUser currentUser, AgencyDashboard dashboard, FourEyesNotices fourEyes) {
		this.currentUser = currentUser;
		this.dashboard = dashboard;
		this.fourEyes = fourEyes;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		DeskPrincipal me = this.currentUser.get();
		boolean platform = me.agencyId() == null;
		List<AgencyFigures> agencies = platform ? this.dashboard.allAgencies(RECENT_ROWS_SIDE_BY_SIDE)
				: List.of(this.dashboard.figures(me.agencyId(), me.agencyName(), RECENT_ROWS));
		model.addAttribute("agencies", agencies);
		model.addAttribute("sideBySide", platform);
		model.addAttribute("links", !platform);
		model.addAttribute("since", this.dashboard.attentionSince());
		model.addAttribute("zone", this.dashboard.zone());
		model.addAttribute("fourEyesNotices",
				platform ? List.of() : this.fourEyes.forAdmin(me.agencyId(), me.userId(), me.getUsername()));
		return "dashboard/index";
	}

}
