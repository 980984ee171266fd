package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code order.cart.GenericOptionDefinition}.
 */
public record GenericOptionDefinition(Boolean exclusive, String family, Boolean mandatory, String planCode,
		List<GenericProductPricing> prices, String productName, String productType) {

}
