package io.domaindesk.ovh;

/**
 * {@code auth.AccessRule}.
 */
public record AccessRule(String method, String path) {

}
