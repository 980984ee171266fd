package io.domaindesk.ovh;

/**
 * {@code order.Contract}.
 */
public record Contract(String content, String name, String url) {

}
