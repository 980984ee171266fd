package io.domaindesk.trades;

import java.time.Duration;
import java.time.Instant;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.Cart;
import io.domaindesk.ovh.OvhException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 4: an agency admin approves, ticking the waiver of the retractation period and the
 * automatic payment; with four eyes, never the user who submitted. Approving commits the
 * checkout intent under a row lock, so of two admins (or twenty requests) approving at
 * once exactly one reaches the checkout.
 */
@Component
class ApproveTrade {

	/** A cart closer than this to its expiry is renewed rather than checked out. */
	static final Duration CART_MARGIN = Duration.ofMinutes(15);

	private final CurrentUser currentUser;

	private final TradeRepository trades;

	private final TradeSettings settings;

	private final TradeHistory history;

	private final TradeConnections connections;

	private final PrepareCart prepare;

	private final CheckoutTrade checkout;

	private final TransactionTemplate transactions;

	private final TradePayment payment;

	ApproveTrade(CurrentUser currentUser, TradeRepository trades, TradeSettings settings, TradeHistory history,
			TradeConnections connections, PrepareCart prepare, CheckoutTrade checkout, TransactionTemplate transactions,
			TradePayment payment) {
		this.currentUser = currentUser;
		this.trades = trades;
		this.settings = settings;
		this.history = history;
		this.connections = connections;
		this.prepare = prepare;
		this.checkout = checkout;
		this.transactions = transactions;
		this.payment = payment;
	}

	enum Outcome {

		/** Checked out; the trade says how it ended (ordered, unknown, refused). */
		CHECKED_OUT,
		/** The cart had expired: a new one was priced, to be approved again. */
		CART_RENEWED,
		/** The cart had expired and could not be renewed: the trade carries the error. */
		CART_FAILED

	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	Outcome approve(long tradeId, boolean waiveRetractation, boolean autoPay) {
		String username = this.currentUser.get().getUsername();
		boolean fourEyes = this.settings.fourEyes(this.currentUser.agencyId());
		Trade trade = this.trades.findById(tradeId).orElseThrow();
		if (trade.getStatus() != TradeStatus.AWAITING_APPROVAL) {
			throw new TradeRefused("trade.refused.state");
		}
		if (fourEyes && trade.preparedBy(username)) {
			denied(tradeId, "four eyes: who started or submitted the trade cannot approve it");
			throw new TradeRefused("trade.refused.fourEyes");
		}
		if (!waiveRetractation || !autoPay) {
			throw new TradeRefused("trade.refused.boxes");
		}
		if (cartExpired(trade)) {
			this.transactions.executeWithoutResult(status -> {
				Trade locked = this.trades.lock(tradeId).orElseThrow();
				this.history.record(locked, "cart.expired", AuditOutcome.FAILURE, "Cart " + locked.getCartId(), null);
			});
			return this.prepare.prepare(tradeId) ? Outcome.CART_RENEWED : Outcome.CART_FAILED;
		}
		// Read before the intent: the history says which method the approver expected to
		// be
		// charged (or that the order would wait for payment).
		TradePayment.DefaultMethod method = this.payment.defaultMethod(trade);
		this.transactions.executeWithoutResult(status -> {
			Trade locked = this.trades.lock(tradeId).orElseThrow();
			locked.approve(username, fourEyes, waiveRetractation, autoPay);
			this.history.info(locked, "approve", "waiveRetractationPeriod, autoPayWithPreferredPaymentMethod");
			this.history.info(locked, "payment.method", method.inWords());
			this.history.record(locked, "checkout", AuditOutcome.PENDING, "Cart " + locked.getCartId(), null);
		});
		this.checkout.checkout(tradeId);
		return Outcome.CHECKED_OUT;
	}

	/** A read: the cart may be gone (expired) or about to be. */
	private boolean cartExpired(Trade trade) {
		try {
			Cart cart = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId())
				.orders()
				.cart(trade.getCartId());
			return cart.expire() != null && cart.expire().toInstant().isBefore(Instant.now().plus(CART_MARGIN));
		}
		catch (OvhException.NotFound ex) {
			return true;
		}
	}

	private void denied(long tradeId, String why) {
		this.transactions.executeWithoutResult(status -> {
			Trade trade = this.trades.findById(tradeId).orElseThrow();
			this.history.record(trade, "approve", AuditOutcome.DENIED, why, null);
		});
	}

}
