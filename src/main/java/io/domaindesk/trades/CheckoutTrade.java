package io.domaindesk.trades;

import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.Checkout;
import io.domaindesk.ovh.Order;
import io.domaindesk.ovh.OvhException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 5, {@code POST /order/cart/{id}/checkout}, exactly once: called only for a trade
 * whose approval (the intent) is committed in {@code CHECKING_OUT}, outside any
 * transaction. No answer leaves {@code UNKNOWN} for {@link TradeTracker} to settle by
 * reading; there is no retry.
 */
@Component
class CheckoutTrade {

	private final TradeRepository trades;

	private final TradeConnections connections;

	private final TradeHistory history;

	private final Inventory inventory;

	private final TransactionTemplate transactions;

	CheckoutTrade(TradeRepository trades, TradeConnections connections, TradeHistory history, Inventory inventory,
			TransactionTemplate transactions) {
		this.trades = trades;
		this.connections = connections;
		this.history = history;
		this.inventory = inventory;
		this.transactions = transactions;
	}

	void checkout(long tradeId) {
		Trade trade = this.trades.findById(tradeId).orElseThrow();
		if (trade.getStatus() != TradeStatus.CHECKING_OUT) {
			throw new IllegalStateException("Trade " + tradeId + " is " + trade.getStatus() + ", not CHECKING_OUT");
		}
		try {
			Order order = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId())
				.orders()
				.checkout(trade.getCartId(), new Checkout(true, true));
			String total = (order.prices() != null && order.prices().withTax() != null)
					? order.prices().withTax().text() : null;
			this.transactions.executeWithoutResult(status -> ordered(tradeId, order.orderId(), order.url(),
					"Order " + order.orderId() + ", " + total));
		}
		catch (OvhException.OutcomeUnknown ex) {
			this.transactions.executeWithoutResult(status -> {
				Trade locked = this.trades.lock(tradeId).orElseThrow();
				locked.checkoutUnknown(UpdateOwner.describe(ex));
				this.history.record(locked, "checkout", AuditOutcome.UNKNOWN, UpdateOwner.describe(ex), ex.queryId());
			});
		}
		catch (OvhException ex) {
			this.transactions.executeWithoutResult(status -> {
				Trade locked = this.trades.lock(tradeId).orElseThrow();
				locked.checkoutRefused(UpdateOwner.describe(ex), ex.queryId());
				this.history.record(locked, "checkout", AuditOutcome.FAILURE, UpdateOwner.describe(ex), ex.queryId());
			});
		}
		catch (RuntimeException ex) {
			// Only failures before anything was sent get here (a connection that cannot
			// be built): the client reports every sent-but-unanswered call as
			// OutcomeUnknown.
			this.transactions.executeWithoutResult(status -> {
				Trade locked = this.trades.lock(tradeId).orElseThrow();
				locked.checkoutRefused(ex.getMessage(), null);
				this.history.record(locked, "checkout", AuditOutcome.FAILURE, ex.getMessage(), null);
			});
		}
	}

	/**
	 * Also used by the reconciliation when it finds that an unknown checkout went
	 * through. From here a sync will not call the new owner drift.
	 */
	void ordered(long tradeId, Long orderId, String url, String detail) {
		Trade trade = this.trades.lock(tradeId).orElseThrow();
		trade.ordered(orderId, url);
		this.inventory.expectChange(trade.getAgencyId(), trade.getDomainName(), "owner", trade.getNewOwnerContactId());
		this.inventory.pendingOperations(trade.getAgencyId(), trade.getDomainName(), 1);
		this.history.record(trade, "checkout", AuditOutcome.SUCCESS, detail, null);
	}

}
