package io.domaindesk.trades;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels a trade before its checkout; the cart, never checked out, expires by itself.
 */
@Component
class CancelTrade {

	private final TradeRepository trades;

	private final TradeHistory history;

	CancelTrade(TradeRepository trades, TradeHistory history) {
		this.trades = trades;
		this.history = history;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	void cancel(long tradeId) {
		Trade trade = this.trades.lock(tradeId).orElseThrow();
		trade.cancel();
		this.history.info(trade, "cancel", null);
	}

}
