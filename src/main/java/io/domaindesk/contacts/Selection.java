package io.domaindesk.contacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * Which domains a bulk change is about: rows ticked on {@code /domains} ({@code names}),
 * or the list's filters ({@code q}, {@code nic}, {@code role}, …), carried from page to
 * page as request parameters.
 */
record Selection(List<String> names, Map<String, String> filter) {

	static final List<String> FILTER_KEYS = List.of("q", "nic", "role", "tld", "state", "expiresWithin", "pending",
			"drift", "client");

	static Selection from(MultiValueMap<String, String> params) {
		List<String> names = params.getOrDefault("names", List.of())
			.stream()
			.filter(n -> n != null && !n.isBlank())
			.map(String::strip)
			.distinct()
			.toList();
		Map<String, String> filter = new LinkedHashMap<>();
		for (String key : FILTER_KEYS) {
			String value = params.getFirst(key);
			if (value != null && !value.isBlank()) {
				filter.put(key, value.strip());
			}
		}
		return new Selection(names, filter);
	}

	public boolean byNames() {
		return !this.names.isEmpty();
	}

	public boolean empty() {
		return this.names.isEmpty() && this.filter.isEmpty();
	}

	/** How the batch remembers what was selected, in words an auditor can read. */
	String describe() {
		return byNames() ? "domains: " + String.join(", ", this.names) : "filter: " + this.filter;
	}

}
