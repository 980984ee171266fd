package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code order.Order}.
 */
public record Order(List<Contract> contracts, List<OrderDetail> details, Long orderId, OrderPrices prices, String url) {

}
