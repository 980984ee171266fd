package io.domaindesk.ovh;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code order.cart.Cart}.
 */
public record Cart(String cartId, String description, OffsetDateTime expire, List<Long> items, Boolean readOnly) {

}
