package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code nichandle.DomainTaskArgument}: a value a domain task in error may need corrected
 * before it is relaunched. Only {@code value} is writable.
 */
public record DomainTaskArgument(String key, String description, String type, String value, List<String> acceptedValues,
		List<String> acceptedFormats, List<String> fields, Boolean readOnly, Long minimumSize, Long maximumSize,
		String template) {

}
