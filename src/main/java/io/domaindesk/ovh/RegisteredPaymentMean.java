package io.domaindesk.ovh;

/**
 * {@code billing.order.RegisteredPaymentMean}: a payment mean an unpaid order can be paid
 * with ({@code billing.ReusablePaymentMeanEnum}, kept as text: the enum mixes two
 * spellings and grows).
 */
public record RegisteredPaymentMean(String paymentMean) {

	/**
	 * The mean OVHcloud's Control Panel uses for an order of 0 €: nothing is charged.
	 */
	public static final String FREE_ORDER_MEAN = "fidelityAccount";

}
