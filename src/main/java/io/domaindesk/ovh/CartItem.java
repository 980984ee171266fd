package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code order.cart.Item}.
 */
public record CartItem(String cartId, List<Long> configurations, String duration, Long itemId, String offerId,
		List<Long> options, Long parentItemId, List<CartPrice> prices, String productId, CartItemSettings settings) {

}
