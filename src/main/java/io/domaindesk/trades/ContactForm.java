package io.domaindesk.trades;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The owner-contact form: flat values keyed by the rules' labels, sent as
 * {@code fields[address.city]=Paris}. The set of fields comes from OVHcloud's rules, so
 * the form is a map rather than a fixed list of properties.
 */
record ContactForm(Map<String, String> fields) {

	static ContactForm from(Map<String, String> params) {
		Map<String, String> fields = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("fields[") && name.endsWith("]")) {
				fields.put(name.substring("fields[".length(), name.length() - 1), (value != null) ? value : "");
			}
		});
		return new ContactForm(fields);
	}

	boolean isEmpty() {
		return this.fields.isEmpty();
	}

}
