package io.domaindesk.trades;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.domaindesk.ovh.DomainContact;

/**
 * A {@code domain.Contact} as the form sees it: flat values keyed by the rules' labels
 * ({@code firstName}, {@code address.city}), so that a field OVHcloud adds for one
 * extension needs no code here as long as the contact model has it.
 */
final class ContactValues {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private ContactValues() {
	}

	static Map<String, String> flatten(DomainContact contact) {
		Map<String, String> values = new LinkedHashMap<>();
		if (contact == null) {
			return values;
		}
		ObjectNode node = JSON.valueToTree(contact);
		node.properties().forEach(entry -> {
			if ("id".equals(entry.getKey())) {
				return;
			}
			if (entry.getValue().isObject()) {
				entry.getValue()
					.properties()
					.forEach(inner -> put(values, entry.getKey() + "." + inner.getKey(), inner.getValue()));
			}
			else {
				put(values, entry.getKey(), entry.getValue());
			}
		});
		return values;
	}

	private static void put(Map<String, String> values, String key, JsonNode value) {
		if (value != null && !value.isNull() && !value.isMissingNode()) {
			values.put(key, value.asString());
		}
	}

	/**
	 * Builds the contact from flat values; blank means unset.
	 * @throws IllegalArgumentException naming the field whose value has the wrong type
	 */
	static DomainContact toContact(Map<String, String> values) {
		ObjectNode node = JSON.createObjectNode();
		values.forEach((key, value) -> {
			if (value == null || value.isBlank() || "id".equals(key)) {
				return;
			}
			int dot = key.indexOf('.');
			if (dot > 0) {
				ObjectNode parent = (node.get(key.substring(0, dot)) instanceof ObjectNode existing) ? existing
						: node.putObject(key.substring(0, dot));
				parent.put(key.substring(dot + 1), value.strip());
			}
			else {
				node.put(key, value.strip());
			}
		});
		try {
			return JSON.treeToValue(node, DomainContact.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * The field a rule-engine key such as {@code owner.city} or {@code owner.legal_form}
	 * is about, or null when none of the form's fields match.
	 */
	static String fieldOf(String violationKey, List<ContactField> fields) {
		String key = violationKey.startsWith("owner.") ? violationKey.substring("owner.".length()) : violationKey;
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : key.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		String name = camel.toString();
		for (ContactField field : fields) {
			if (field.label().equals(name) || field.label().endsWith("." + name)) {
				return field.label();
			}
		}
		return null;
	}

	/** Shown for the owner in lists and history: the minimum personal data. */
	static String displayName(DomainContact contact) {
		if (contact == null) {
			return null;
		}
		if (contact.organisationName() != null && !contact.organisationName().isBlank()) {
			return contact.organisationName();
		}
		String name = ((contact.firstName() != null) ? contact.firstName() : "") + " "
				+ ((contact.lastName() != null) ? contact.lastName() : "");
		return name.isBlank() ? null : name.strip();
	}

}
