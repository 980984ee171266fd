package io.domaindesk.ovh;

/**
 * {@code order.cart.Checkout}.
 */
public record Checkout(Boolean autoPayWithPreferredPaymentMethod, Boolean waiveRetractationPeriod) {

}
