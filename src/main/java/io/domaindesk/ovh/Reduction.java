package io.domaindesk.ovh;

/**
 * {@code order.Reduction}.
 */
public record Reduction(String context, String description, Price price, String reductionDescription, String type,
		Price value) {

}
