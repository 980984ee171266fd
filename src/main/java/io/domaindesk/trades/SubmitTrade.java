package io.domaindesk.trades;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.clients.Consents;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff hand a priced trade over to an agency admin for approval. */
@Component
class SubmitTrade {

	private final CurrentUser currentUser;

	private final TradeRepository trades;

	private final TradeHistory history;

	private final Consents consents;

	SubmitTrade(CurrentUser currentUser, TradeRepository trades, TradeHistory history, Consents consents) {
		this.currentUser = currentUser;
		this.trades = trades;
		this.history = history;
		this.consents = consents;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	void submit(long tradeId) {
		Trade trade = this.trades.lock(tradeId).orElseThrow();
		// Where the agency requires the owner's consent, only an agreement to this new
		// owner lets the trade go to approval (declined, expired or missing block it).
		this.consents.refusal(trade.getAgencyId(), tradeId, trade.getNewOwnerContactId()).ifPresent(key -> {
			throw new TradeRefused(key);
		});
		trade.submit(this.currentUser.get().getUsername());
		this.history.info(trade, "submit", null);
	}

}
