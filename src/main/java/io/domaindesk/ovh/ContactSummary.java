package io.domaindesk.ovh;

/**
 * {@code domain.ContactSummary}.
 */
public record ContactSummary(String id) {

}
