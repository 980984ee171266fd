package io.domaindesk.trades;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.domaindesk.ovh.ConfigurationRule;
import io.domaindesk.ovh.RuleConstraint;

/**
 * One field of the owner-contact form, read from an OVHcloud rule tree (a node of
 * {@code OWNER_CONTACT.fields}): whether and when it is required, its allowed values, its
 * format, and whether OVHcloud locks it (changing a locked field is a change of owner).
 */
public record ContactField(String label, String placeholder, boolean required, ConfigurationRule requiredWhen,
		List<String> values, String pattern, Integer maxLength, boolean lockable, ConfigurationRule lockedWhen) {

	/**
	 * Reads one field rule; constraints we do not know are ignored (OVHcloud adds some).
	 */
	static ContactField of(ConfigurationRule rule) {
		boolean required = false;
		ConfigurationRule requiredWhen = null;
		List<String> values = null;
		String pattern = null;
		Integer maxLength = null;
		boolean lockable = false;
		ConfigurationRule lockedWhen = null;
		for (RuleConstraint constraint : (rule.constraints() != null) ? rule.constraints()
				: List.<RuleConstraint>of()) {
			String operator = String.valueOf(constraint.operator());
			switch (operator) {
				case "required" -> {
					if (constraint.conditions() == null) {
						required = true;
					}
					else {
						requiredWhen = constraint.conditions();
					}
				}
				case "contains" -> values = (constraint.values() != null) ? List.copyOf(constraint.values()) : null;
				case "match" -> pattern = constraint.value();
				case "maxlength" -> maxLength = parse(constraint.value());
				case "readonly" -> {
					lockable = true;
					lockedWhen = constraint.conditions();
				}
				default -> {
				}
			}
		}
		return new ContactField(rule.label(), rule.placeholder(), required, requiredWhen, values, pattern, maxLength,
				lockable, lockedWhen);
	}

	/**
	 * The fields of the owner contact in a rule tree, whether OVHcloud answers the
	 * {@code OWNER_CONTACT} rule itself or an {@code and} of several rules (as for
	 * {@code trade}).
	 */
	static List<ContactField> fromTree(ConfigurationRule root) {
		ConfigurationRule owner = findOwner(root);
		if (owner == null || owner.fields() == null) {
			return List.of();
		}
		List<ContactField> fields = new ArrayList<>();
		collect(owner.fields(), fields);
		return fields;
	}

	/**
	 * The field rules of {@code OWNER_CONTACT.fields}, also those grouped in nested
	 * {@code and}/{@code or} nodes, which carry no label of their own.
	 */
	private static void collect(ConfigurationRule node, List<ContactField> fields) {
		if (node.label() != null) {
			if (fields.stream().noneMatch((field) -> field.label().equals(node.label()))) {
				fields.add(of(node));
			}
			return;
		}
		for (List<ConfigurationRule> children : java.util.Arrays.asList(node.and(), node.or())) {
			if (children != null) {
				children.forEach((child) -> collect(child, fields));
			}
		}
	}

	private static ConfigurationRule findOwner(ConfigurationRule rule) {
		if (rule == null) {
			return null;
		}
		if ("OWNER_CONTACT".equals(rule.label())) {
			return rule;
		}
		for (List<ConfigurationRule> children : java.util.Arrays.asList(rule.and(), rule.or())) {
			if (children != null) {
				for (ConfigurationRule child : children) {
					ConfigurationRule found = findOwner(child);
					if (found != null) {
						return found;
					}
				}
			}
		}
		return null;
	}

	/** The request parameter of this field: {@code fields[address.city]}. */
	public String param() {
		return "fields[" + this.label + "]";
	}

	/** A safe HTML id. */
	public String id() {
		return "f-" + this.label.replace('.', '-');
	}

	public boolean select() {
		return this.values != null && !this.values.isEmpty();
	}

	/** Required for these values (conditions such as "when legalForm is individual"). */
	public boolean requiredFor(Map<String, String> contact) {
		return this.required || (this.requiredWhen != null && holds(this.requiredWhen, contact));
	}

	/** Whether OVHcloud locks this field on the current contact. */
	public boolean lockedFor(Map<String, String> current) {
		return this.lockable && (this.lockedWhen == null || holds(this.lockedWhen, current));
	}

	/**
	 * Evaluates a condition of a constraint on the owner contact: an
	 * {@code and}/{@code or} of conditions, or an {@code OWNER_CONTACT} rule whose
	 * {@code fields} (a field rule, or again an {@code and}/{@code or} of them) must
	 * hold. A condition without fields asks only that the owner contact be there, which
	 * it is. An operator or a label we cannot evaluate counts as holding, so that a field
	 * is rather shown required or locked than wrongly free.
	 */
	static boolean holds(ConfigurationRule condition, Map<String, String> contact) {
		if (condition.and() != null) {
			return condition.and().stream().allMatch((rule) -> holds(rule, contact));
		}
		if (condition.or() != null) {
			return condition.or().stream().anyMatch((rule) -> holds(rule, contact));
		}
		return condition.fields() == null || fieldHolds(condition.fields(), contact);
	}

	private static boolean fieldHolds(ConfigurationRule field, Map<String, String> contact) {
		if (field.and() != null) {
			return field.and().stream().allMatch((rule) -> fieldHolds(rule, contact));
		}
		if (field.or() != null) {
			return field.or().stream().anyMatch((rule) -> fieldHolds(rule, contact));
		}
		if (field.label() == null) {
			return true;
		}
		String value = contact.get(field.label());
		boolean empty = value == null || value.isBlank();
		for (RuleConstraint constraint : (field.constraints() != null) ? field.constraints()
				: List.<RuleConstraint>of()) {
			boolean ok = switch (String.valueOf(constraint.operator())) {
				case "eq" -> !empty && value.equals(constraint.value());
				case "ne" -> empty || !value.equals(constraint.value());
				case "contains" -> !empty && constraint.values() != null && constraint.values().contains(value);
				case "notcontains" -> empty || constraint.values() == null || !constraint.values().contains(value);
				case "notempty", "required" -> !empty;
				case "empty" -> empty;
				default -> true;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static Integer parse(String value) {
		try {
			return (value != null) ? Integer.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
