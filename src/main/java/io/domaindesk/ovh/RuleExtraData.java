package io.domaindesk.ovh;

/**
 * {@code domain.configuration.rules.RuleExtraData}.
 */
public record RuleExtraData(Boolean acceptCondition, String authInfo) {

}
