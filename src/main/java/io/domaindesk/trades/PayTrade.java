package io.domaindesk.trades;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.OvhException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays an order left {@code notPaid} with a registered payment mean ({@code POST
 * /me/order/{id}/payWithRegisteredPaymentMean}), or with the free-order mean for 0 €.
 * Like the approval: an agency admin, four eyes, and exactly one call — the
 * {@code PAYING} intent is committed under a row lock first, an unanswered call stays
 * {@code PAYING} until {@link TradeTracker} reads the order's status, and nothing pays
 * twice.
 */
@Component
class PayTrade {

	private final CurrentUser currentUser;

	private final TradeRepository trades;

	private final TradeSettings settings;

	private final TradeHistory history;

	private final TradeConnections connections;

	private final TradePayment payment;

	private final TransactionTemplate transactions;

	PayTrade(CurrentUser currentUser, TradeRepository trades, TradeSettings settings, TradeHistory history,
			TradeConnections connections, TradePayment payment, TransactionTemplate transactions) {
		this.currentUser = currentUser;
		this.trades = trades;
		this.settings = settings;
		this.history = history;
		this.connections = connections;
		this.payment = payment;
		this.transactions = transactions;
	}

	enum Outcome {

		/** OVHcloud took the payment. */
		PAID,
		/** No answer: the order's status will tell. */
		UNKNOWN,
		/** OVHcloud refused: the trade carries the reason. */
		REFUSED,
		/** No registered mean pays this order: only the Control Panel can. */
		NO_MEAN

	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	Outcome pay(long tradeId) {
		String username = this.currentUser.get().getUsername();
		boolean fourEyes = this.settings.fourEyes(this.currentUser.agencyId());
		Trade trade = this.trades.findById(tradeId).orElseThrow();
		if (trade.getStatus() != TradeStatus.AWAITING_PAYMENT) {
			throw new TradeRefused("trade.refused.state");
		}
		if (fourEyes && username.equals(trade.getSubmittedBy())) {
			this.transactions
				.executeWithoutResult(status -> this.history.record(this.trades.lock(tradeId).orElseThrow(), "pay",
						AuditOutcome.DENIED, "four eyes: the submitter cannot pay", null));
			throw new TradeRefused("trade.refused.fourEyes");
		}
		TradePayment.Mean mean = this.payment.choose(trade, free(trade));
		if (mean == null) {
			this.transactions
				.executeWithoutResult(status -> this.history.record(this.trades.lock(tradeId).orElseThrow(), "pay",
						AuditOutcome.FAILURE, "No registered payment mean for order " + trade.getOrderId(), null));
			return Outcome.NO_MEAN;
		}
		this.transactions.executeWithoutResult(status -> {
			Trade locked = this.trades.lock(tradeId).orElseThrow();
			locked.pay(username, fourEyes, mean.paymentMean());
			this.history.record(locked, "pay", AuditOutcome.PENDING,
					"Order " + locked.getOrderId() + " with " + mean.inWords(), null);
		});
		try {
			this.connections.client(trade.getAgencyId(), trade.getOvhAccountId())
				.payments()
				.payWithRegisteredPaymentMean(trade.getOrderId(), mean.paymentMean(), mean.paymentMeanId());
		}
		catch (OvhException.OutcomeUnknown ex) {
			this.transactions.executeWithoutResult(status -> {
				Trade locked = this.trades.lock(tradeId).orElseThrow();
				locked.error(UpdateOwner.describe(ex), ex.queryId());
				this.history.record(locked, "pay", AuditOutcome.UNKNOWN, UpdateOwner.describe(ex), ex.queryId());
			});
			return Outcome.UNKNOWN;
		}
		catch (OvhException ex) {
			this.transactions.executeWithoutResult(status -> {
				Trade locked = this.trades.lock(tradeId).orElseThrow();
				locked.paymentRefused(UpdateOwner.describe(ex), ex.queryId());
				this.history.record(locked, "pay", AuditOutcome.FAILURE, UpdateOwner.describe(ex), ex.queryId());
			});
			return Outcome.REFUSED;
		}
		this.transactions.executeWithoutResult(status -> {
			Trade locked = this.trades.lock(tradeId).orElseThrow();
			locked.paid();
			this.history.record(locked, "pay", AuditOutcome.SUCCESS, "Order " + locked.getOrderId() + " paid", null);
		});
		return Outcome.PAID;
	}

	/** A trade whose dry run priced it at zero: nothing to charge. */
	static boolean free(Trade trade) {
		if (trade.getPreviewJson() == null) {
			return false;
		}
		io.domaindesk.ovh.Order order = ContactValues.JSON.readValue(trade.getPreviewJson(),
				io.domaindesk.ovh.Order.class);
		return order.prices() != null && order.prices().withTax() != null && order.prices().withTax().value() != null
				&& order.prices().withTax().value().doubleValue() == 0;
	}

}
