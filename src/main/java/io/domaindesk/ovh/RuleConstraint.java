package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code domain.configuration.rules.Constraint}.
 */
public record RuleConstraint(ConfigurationRule conditions, List<String> contexts, String operator, String value,
		List<String> values) {

}
