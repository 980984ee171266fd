package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code order.OrderDetail}.
 */
public record OrderDetail(Long cartItemID, String description, String detailType, String domain,
		Price originalTotalPrice, Long quantity, Price reductionTotalPrice, List<Reduction> reductions,
		Price totalPrice, Price unitPrice) {

}
