package io.domaindesk.trades;

import io.domaindesk.agency.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff hand a priced trade over to an agency admin for approval. */
@Component
class SubmitTrade {

	private final CurrentUser currentUser;

	private final TradeRepository trades;

	private final TradeHistory history;

	SubmitTrade(CurrentUser currentUser, TradeRepository trades, TradeHistory history) {
		this.currentUser = currentUser;
		this.trades = trades;
		this.history = history;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	void submit(long tradeId) {
		Trade trade = this.trades.lock(tradeId).orElseThrow();
		trade.submit(this.currentUser.get().getUsername());
		this.history.info(trade, "submit", null);
	}

}
