package io.domaindesk.trades;

import java.util.List;

import io.domaindesk.ovh.Contract;
import io.domaindesk.ovh.Order;
import io.domaindesk.ovh.OrderDetail;

/**
 * The order form of the dry run as the page shows it: lines, totals and contracts, kept
 * as OVHcloud answered them.
 */
public record TradePreview(List<OrderDetail> details, String withoutTax, String tax, String total,
		List<Contract> contracts) {

	static TradePreview of(String json) {
		if (json == null) {
			return null;
		}
		Order order = ContactValues.JSON.readValue(json, Order.class);
		return new TradePreview((order.details() != null) ? order.details() : List.of(),
				(order.prices() != null && order.prices().withoutTax() != null) ? order.prices().withoutTax().text()
						: null,
				(order.prices() != null && order.prices().tax() != null) ? order.prices().tax().text() : null,
				(order.prices() != null && order.prices().withTax() != null) ? order.prices().withTax().text() : null,
				(order.contracts() != null) ? order.contracts() : List.of());
	}

}
