package io.domaindesk.ovh;

/**
 * {@code order.cart.ConfigurationItem}.
 */
public record ConfigurationItem(Long id, String label, String value) {

}
