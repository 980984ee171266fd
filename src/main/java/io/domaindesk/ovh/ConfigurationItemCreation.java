package io.domaindesk.ovh;

/**
 * {@code order.cart.ItemConfigurationCreation}.
 */
public record ConfigurationItemCreation(String label, String value) {

}
