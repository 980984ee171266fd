package io.domaindesk.ovh;

/**
 * {@code auth.ApiCredentialRequest}.
 */
public record ApiCredentialRequest(String consumerKey, CredentialState state, String validationUrl) {

}
