package io.domaindesk.ovh;

/**
 * {@code domain.configuration.rules.RuleData}.
 */
public record RuleData(Nichandle adminAccount, DomainData domain, RuleExtraData extras, DomainContact owner,
		Nichandle techAccount) {

}
