package io.domaindesk.trades;

import java.util.List;
import java.util.Locale;

import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.ovh.PaymentMethod;
import io.domaindesk.ovh.RegisteredPaymentMean;

import org.springframework.stereotype.Component;

/**
 * Reads how an order will be (or can be) paid: the account's default payment method for
 * the approval card, and the registered mean that pays an unpaid order. Reads only.
 */
@Component
class TradePayment {

	private final TradeConnections connections;

	TradePayment(TradeConnections connections) {
		this.connections = connections;
	}

	/**
	 * What the approval card says about the payment.
	 *
	 * @param method the default method in words, null when there is none
	 * @param error why it could not be read, null when it was
	 */
	public record DefaultMethod(String method, String error) {

		public boolean none() {
			return this.method == null && this.error == null;
		}

		/** One line for the trade's history. */
		String inWords() {
			return (this.error != null) ? "Default payment method unknown: " + this.error
					: (this.method != null) ? "Charged to the default payment method: " + this.method
							: "No default payment method: the order will wait for payment (notPaid)";
		}

	}

	DefaultMethod defaultMethod(Trade trade) {
		try {
			List<PaymentMethod> methods = client(trade).payments().defaultPaymentMethods();
			return new DefaultMethod(methods.isEmpty() ? null : methods.get(0).inWords(), null);
		}
		catch (OvhException ex) {
			return new DefaultMethod(null, UpdateOwner.describe(ex));
		}
		catch (IllegalStateException ex) {
			return new DefaultMethod(null, ex.getMessage());
		}
	}

	/** A registered mean to pay with: its name and, when OVHcloud needs it, its id. */
	record Mean(String paymentMean, Long paymentMeanId, String label) {

		String inWords() {
			return (this.label != null) ? this.paymentMean + " (" + this.label + ")" : this.paymentMean;
		}

	}

	/**
	 * The mean an unpaid order will be paid with: for 0 € the free-order mean; otherwise
	 * the first mean OVHcloud offers for this order that one of the account's valid
	 * payment methods provides (the default one first). Null when there is none: the
	 * order can only be paid in the Control Panel.
	 */
	Mean choose(Trade trade, boolean free) {
		OvhClient client = client(trade);
		List<RegisteredPaymentMean> offered = client.payments().availableRegisteredPaymentMeans(trade.getOrderId());
		if (offered == null || offered.isEmpty()) {
			return null;
		}
		for (RegisteredPaymentMean mean : offered) {
			if (free && RegisteredPaymentMean.FREE_ORDER_MEAN.equals(mean.paymentMean())) {
				return new Mean(mean.paymentMean(), null, null);
			}
		}
		List<PaymentMethod> methods = client.payments().validPaymentMethods();
		List<PaymentMethod> ordered = methods.stream()
			.sorted((a, b) -> Boolean.compare(Boolean.TRUE.equals(b.isDefault()), Boolean.TRUE.equals(a.isDefault())))
			.toList();
		for (RegisteredPaymentMean mean : offered) {
			for (PaymentMethod method : ordered) {
				if (sameType(mean.paymentMean(), method.paymentType())) {
					return new Mean(mean.paymentMean(), method.paymentMeanId(), method.label());
				}
			}
			if (!NEEDS_ID.contains(mean.paymentMean())) {
				return new Mean(mean.paymentMean(), null, null);
			}
		}
		return null;
	}

	/** The means {@code payWithRegisteredPaymentMean} refuses without their id. */
	private static final List<String> NEEDS_ID = List.of("bankAccount", "creditCard", "paypal");

	/**
	 * {@code billing.ReusablePaymentMeanEnum} spells a type two ways ({@code creditCard},
	 * {@code CREDIT_CARD}); a bank account is a SEPA direct debit in the new API.
	 */
	static boolean sameType(String mean, String paymentType) {
		if (mean == null || paymentType == null) {
			return false;
		}
		String a = squash(mean);
		String b = squash(paymentType);
		return a.equals(b) || (a.equals("bankaccount") && b.equals("sepadirectdebit"))
				|| (b.equals("bankaccount") && a.equals("sepadirectdebit"));
	}

	private static String squash(String value) {
		return value.replace("_", "").toLowerCase(Locale.ROOT);
	}

	private OvhClient client(Trade trade) {
		return this.connections.client(trade.getAgencyId(), trade.getOvhAccountId());
	}

}
