package io.domaindesk.ovh;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code order.cart.Promotion}.
 */
public record CartPromotion(List<String> bundleWithPlanCodes, OffsetDateTime endDate, String name, Price price,
		OffsetDateTime startDate, List<String> tags, String type) {

}
