package io.domaindesk.ovh;

/**
 * {@code services.changeContact}.
 */
public record ChangeContact(String contactAdmin, String contactBilling, String contactTech) {

}
