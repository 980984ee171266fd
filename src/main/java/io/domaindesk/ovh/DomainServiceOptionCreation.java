package io.domaindesk.ovh;

/**
 * Body of {@code POST /order/cartServiceOption/domain/{serviceName}} (e.g. planCode
 * {@code com-trade}, duration {@code P0Y}).
 */
public record DomainServiceOptionCreation(String cartId, String duration, String planCode, String pricingMode,
		Long quantity) {

}
