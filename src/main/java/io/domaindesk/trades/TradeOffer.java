package io.domaindesk.trades;

import java.util.List;
import java.util.Optional;

import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.GenericOptionDefinition;
import io.domaindesk.ovh.GenericProductPricing;
import io.domaindesk.ovh.OvhClient;

import org.springframework.stereotype.Component;

/**
 * Step 1, price and eligibility: {@code GET /order/cartServiceOption/domain/{sn}}. A
 * domain whose options have no {@code trade} family cannot change owner through an order.
 */
@Component
class TradeOffer {

	private final TradeConnections connections;

	TradeOffer(TradeConnections connections) {
		this.connections = connections;
	}

	/** The trade option as OVHcloud prices it today. */
	public record Offer(String planCode, String pricingMode, String priceText, double priceValue, String description,
			String duration) {

		public boolean free() {
			return this.priceValue == 0;
		}

	}

	Optional<Offer> read(long agencyId, Inventory.InventoryDomain domain) {
		OvhClient client = this.connections.client(agencyId, domain.ovhAccountId());
		for (GenericOptionDefinition option : client.orders().domainServiceOptions(domain.name())) {
			if (!"trade".equals(option.family())) {
				continue;
			}
			List<GenericProductPricing> prices = (option.prices() != null) ? option.prices() : List.of();
			GenericProductPricing pricing = prices.isEmpty() ? null : prices.get(0);
			String pricingMode = (pricing != null && pricing.pricingMode() != null) ? pricing.pricingMode()
					: "create-default";
			String text = (pricing != null && pricing.price() != null) ? pricing.price().text() : null;
			double value = (pricing != null && pricing.price() != null && pricing.price().value() != null)
					? pricing.price().value() : 0;
			return Optional.of(new Offer(option.planCode(), pricingMode, text, value,
					(pricing != null) ? pricing.description() : null, (pricing != null) ? pricing.duration() : null));
		}
		return Optional.empty();
	}

}
