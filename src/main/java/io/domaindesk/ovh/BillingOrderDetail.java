package io.domaindesk.ovh;

/**
 * {@code billing.OrderDetail}: one line of a placed order.
 */
public record BillingOrderDetail(Long orderDetailId, Boolean cancelled, String description, String detailType,
		String domain, String quantity, Price totalPrice, Price unitPrice) {

}
