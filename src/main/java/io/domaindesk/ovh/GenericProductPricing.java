package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code order.cart.GenericProductPricing}.
 */
public record GenericProductPricing(List<String> capacities, String description, String duration, Long interval,
		Long maximumQuantity, Long maximumRepeat, Long minimumQuantity, Long minimumRepeat, Price price,
		Long priceInUcents, String pricingMode, String pricingType) {

}
