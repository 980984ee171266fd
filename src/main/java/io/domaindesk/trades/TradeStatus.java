package io.domaindesk.trades;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a trade stands on our side. {@code CHECKING_OUT} is the committed intent of the
 * one checkout; {@code UNKNOWN} a checkout whose answer never came, settled only by
 * reading OVHcloud (the cart, the domain's tasks), never by checking out again.
 */
public enum TradeStatus {

	DRAFT, READY, AWAITING_APPROVAL, CHECKING_OUT, UNKNOWN, ORDERED,
	/** The order exists but is {@code notPaid}: it waits for a payment. */
	AWAITING_PAYMENT,
	/**
	 * The committed intent of the one payment call; settled by reading the order's
	 * status, never by paying again.
	 */
	PAYING, IN_PROGRESS, DONE, FAILED, CANCELLED;

	static final Set<TradeStatus> BEFORE_CHECKOUT = EnumSet.of(DRAFT, READY, AWAITING_APPROVAL);

	static final Set<TradeStatus> TRACKED = EnumSet.of(CHECKING_OUT, UNKNOWN, ORDERED, AWAITING_PAYMENT, PAYING,
			IN_PROGRESS);

	/** An order exists at OVHcloud and is followed through its status. */
	static final Set<TradeStatus> ORDER_PLACED = EnumSet.of(ORDERED, AWAITING_PAYMENT, PAYING, IN_PROGRESS);

	public boolean isFinal() {
		return this == DONE || this == FAILED || this == CANCELLED;
	}

	/** OVHcloud is working on it: the page refreshes itself. */
	public boolean tracked() {
		return TRACKED.contains(this);
	}

	public boolean cancellable() {
		return BEFORE_CHECKOUT.contains(this);
	}

}
