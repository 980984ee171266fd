package io.domaindesk.ovh;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code billing.Order}.
 */
public record BillingOrder(OffsetDateTime date, OffsetDateTime expirationDate, List<String> metadatas, Long orderId,
		String password, String pdfUrl, Price priceWithTax, Price priceWithoutTax, OffsetDateTime retractionDate,
		Price tax, String url) {

}
