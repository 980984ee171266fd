package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code order.cart.Price}.
 */
public record CartPrice(String label, Price price, List<CartPromotion> promotions) {

}
