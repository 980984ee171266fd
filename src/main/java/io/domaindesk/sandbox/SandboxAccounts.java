package io.domaindesk.sandbox;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test and demo hooks for the per-account behaviours of orders, owner changes and tasks
 * (see {@link AccountSettings}), and for OVHcloud's own actions on an order.
 */
@Component
@ConditionalOnSandbox
public class SandboxAccounts {

	/** What an account can pay with. */
	public enum Payment {

		/**
		 * A default payment method: a checkout with automatic payment is paid at once.
		 */
		DEFAULT,
		/**
		 * A registered card that is not the default one: orders stay {@code notPaid}
		 * until paid with it.
		 */
		REGISTERED,
		/** Nothing registered: orders can only be paid in the Control Panel. */
		NONE

	}

	private final AccountSettings settings;

	private final ObjectStore store;

	SandboxAccounts(AccountSettings settings, ObjectStore store) {
		this.settings = settings;
		this.store = store;
	}

	/**
	 * Sets what the account pays with.
	 * @param nichandle the account
	 * @param payment its payment methods
	 */
	public void setPayment(String nichandle, Payment payment) {
		this.settings.set(nichandle, "payment", payment.name());
	}

	/**
	 * Whether completing an owner change gives the domain a copy of the new owner
	 * contact, with another id.
	 * @param nichandle the account
	 * @param copy on or off
	 */
	public void setCopyOwnerOnTrade(String nichandle, boolean copy) {
		this.settings.set(nichandle, "copyOwnerOnTrade", copy);
	}

	/**
	 * Whether the account's owner changes go to {@code error} with an argument to
	 * correct.
	 * @param nichandle the account
	 * @param error on or off
	 */
	public void setTradeTaskError(String nichandle, boolean error) {
		this.settings.set(nichandle, "tradeTaskError", error);
	}

	/**
	 * Whether the account is served as by an endpoint that only knows the older
	 * payment-mean routes: {@code /me/payment/method} is absent from {@code /me.json}
	 * (read with the account's application key) and answers 404, while
	 * {@code /me/paymentMean/*} lists the same card.
	 * @param nichandle the account
	 * @param only on or off
	 */
	public void setPaymentMeanRoutesOnly(String nichandle, boolean only) {
		this.settings.set(nichandle, "paymentMeanRoutesOnly", only);
	}

	/** Whether {@link #setPaymentMeanRoutesOnly} is on for the account. */
	public boolean paymentMeanRoutesOnly(String nichandle) {
		return this.settings.paymentMeanRoutesOnly(nichandle);
	}

	/**
	 * Puts the account back to the demo defaults.
	 * @param nichandle the account
	 */
	public void reset(String nichandle) {
		boolean nord = AccountSettings.STUDIO_NORD.equals(nichandle);
		setPayment(nichandle, nord ? Payment.REGISTERED : Payment.DEFAULT);
		setCopyOwnerOnTrade(nichandle, nord);
		setTradeTaskError(nichandle, false);
		setPaymentMeanRoutesOnly(nichandle, false);
	}

	/**
	 * OVHcloud cancels an order (as it does with an order left unpaid).
	 * @param orderId the order
	 */
	@Transactional
	public void cancelOrder(long orderId) {
		ObjectNode order = this.store.findForUpdate(ObjectStore.ORDER, Long.toString(orderId)).orElseThrow();
		order.put("_cancelled", true);
		this.store.updateDoc(ObjectStore.ORDER, Long.toString(orderId), order);
	}

	/**
	 * The order disappears: every read of it answers 404.
	 * @param orderId the order
	 */
	@Transactional
	public void forgetOrder(long orderId) {
		ObjectNode order = this.store.findForUpdate(ObjectStore.ORDER, Long.toString(orderId)).orElseThrow();
		order.put("_gone", true);
		this.store.updateDoc(ObjectStore.ORDER, Long.toString(orderId), order);
	}

}
