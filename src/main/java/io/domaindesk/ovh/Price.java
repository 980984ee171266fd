package io.domaindesk.ovh;

/**
 * {@code order.Price}.
 */
public record Price(String currencyCode, Long priceInUcents, String text, Double value) {

}
