package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code nichandle.CreationRule}.
 */
public record CreationRule(String defaultValue, List<String> examples, String fieldName, List<String> in,
		Boolean mandatory, Long maxLength, Long minLength, String prefix, String regularExpression) {

}
