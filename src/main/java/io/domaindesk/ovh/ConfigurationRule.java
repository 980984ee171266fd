package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code domain.configuration.rules.Rule}.
 */
public record ConfigurationRule(List<ConfigurationRule> and, ConfigurationRule conditions,
		List<RuleConstraint> constraints, List<String> contexts, String description, ConfigurationRule fields,
		String label, List<ConfigurationRule> or, String placeholder, String type) {

}
