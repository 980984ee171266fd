package io.domaindesk.ovh;

/**
 * {@code nichandle.NewAccountAndToken}.
 */
public record NewAccountAndToken(String consumerKey, String ovhIdentifier) {

}
