package io.domaindesk.contacts;

import java.util.Map;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.domains.Inventory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff change the nichandles of one domain: pre-check again (things may have moved since
 * the preview), record the change, send it.
 */
@Component
class StartNicChange {

	private final CurrentUser currentUser;

	private final Preflight preflight;

	private final NicChangeRepository changes;

	private final SubmitNicChange submit;

	private final TransactionTemplate transactions;

	StartNicChange(CurrentUser currentUser, Preflight preflight, NicChangeRepository changes, SubmitNicChange submit,
			TransactionTemplate transactions) {
		this.currentUser = currentUser;
		this.preflight = preflight;
		this.changes = changes;
		this.submit = submit;
		this.transactions = transactions;
	}

	/** The plan when it is refused (nothing sent), or the change as it ended. */
	record Result(Preflight.Plan plan, NicChange change) {

	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	Result start(Inventory.InventoryDomain domain, Map<String, String> requested) {
		long agencyId = this.currentUser.agencyId();
		String username = this.currentUser.get().getUsername();
		Preflight.Plan plan = this.preflight.plan(agencyId, domain, requested);
		if (!plan.changes() || !plan.reasons().isEmpty()) {
			return new Result(plan, null);
		}
		Long changeId = this.transactions.execute(status -> this.changes
			.save(new NicChange(agencyId, null, domain.ovhAccountId(), domain.name(), plan.from(), plan.to(), username))
			.getId());
		return new Result(plan, this.submit.submit(changeId));
	}

}
