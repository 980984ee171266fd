package io.domaindesk.ovh;

/**
 * {@code order.cart.ItemSettings}.
 */
public record CartItemSettings(String planCode, String pricingMode, Long quantity) {

}
