package io.domaindesk.ovh;

/**
 * {@code nichandle.Currency}.
 */
public record Currency(String code, String symbol) {

}
