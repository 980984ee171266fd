package io.domaindesk.ovh;

/**
 * {@code domain.ParentService}.
 */
public record ParentService(String name, String type) {

}
