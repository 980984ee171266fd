package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code order.cart.ConfigurationRequirements}.
 */
public record ConfigurationRequirement(List<String> fields, String label, Boolean required, String type) {

}
