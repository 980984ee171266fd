package io.domaindesk.ovh;

/**
 * {@code order.OrderPrices}.
 */
public record OrderPrices(Price originalWithoutTax, Price reduction, Price tax, Price withTax, Price withoutTax) {

}
