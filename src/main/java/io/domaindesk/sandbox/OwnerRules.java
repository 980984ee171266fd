package io.domaindesk.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

/**
 * The eligibility rules of the owner contact, per action and extension. One list of field
 * rules feeds both the rule tree served by {@code GET /domain/configurationRule} and the
 * checks behind {@code /check}, contact updates and checkout, so the two cannot disagree.
 */
final class OwnerRules {

	static final List<String> COUNTRIES = loadCountries();

	static final List<String> LANGUAGES = List.of("cs_CZ", "de_DE", "en_AU", "en_CA", "en_GB", "en_IE", "en_US",
			"es_ES", "fi_FI", "fr_CA", "fr_FR", "fr_MA", "fr_SN", "fr_TN", "it_IT", "lt_LT", "nl_NL", "pl_PL", "pt_PT");

	static final List<String> LEGAL_FORMS = List.of("administration", "association", "corporation", "individual",
			"other", "personalcorporation");

	static final List<String> GENERIC_LEGAL_FORMS = List.of("association", "corporation", "individual", "other");

	/** EU and EEA countries: who may hold a .eu, and (with a few territories) a .fr. */
	static final List<String> EU_EEA = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
			"HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO");

	static final List<String> NO_ZIP = List.of("IE", "AZ", "DJ", "LA", "CI", "AN", "HK", "BO", "PA", "HN", "NI", "SV",
			"CO");

	static final String EMAIL = "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$";

	static final String PHONE = "^\\+(\\d{1,5}\\.)?\\d{1,15}$";

	/** Identity fields: changing them is an owner change, so they are locked once set. */
	static final Set<String> IDENTITY = Set.of("firstName", "lastName", "organisationName", "legalForm", "email");

	/**
	 * ICANN: the first and last names are the owner's identity only for an individual;
	 * for a legal person the organisation name is (notes §4.6, the {@code update} rule).
	 */
	static final Set<String> PERSON_NAME = Set.of("firstName", "lastName");

	static final Set<String> ACTIONS = Set.of("create", "trade", "transfer", "update");

	private OwnerRules() {
	}

	private static List<String> loadCountries() {
		try {
			String text = new ClassPathResource("sandbox/countries.txt").getContentAsString(StandardCharsets.UTF_8);
			return Arrays.stream(text.trim().split("\\s+")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	enum When {

		ALWAYS, INDIVIDUAL, NOT_INDIVIDUAL, ZIP_COUNTRY, NEVER

	}

	/**
	 * One field of the owner contact.
	 *
	 * @param label field path, as in the rule tree
	 * @param placeholder example value
	 * @param required when the field is required
	 * @param values allowed values, or null
	 * @param match regular expression, or null
	 * @param readonly whether an update may not change it once set
	 */
	record FieldRule(String label, String placeholder, When required, List<String> values, String match,
			boolean readonly) {

		String name() {
			return this.label.substring(this.label.lastIndexOf('.') + 1);
		}

	}

	static List<FieldRule> fields(String tld) {
		boolean generic = Domains.GENERIC.contains(tld);
		List<String> countries = ("eu".equals(tld) || "fr".equals(tld)) ? EU_EEA : COUNTRIES;
		return List.of(
				new FieldRule("legalForm", "individual", When.ALWAYS, generic ? GENERIC_LEGAL_FORMS : LEGAL_FORMS, null,
						true),
				new FieldRule("firstName", "John", When.INDIVIDUAL, null, null, true),
				new FieldRule("lastName", "Doe", When.INDIVIDUAL, null, null, true),
				new FieldRule("organisationName", "lorem", When.NOT_INDIVIDUAL, null, null, true),
				new FieldRule("email", "john.doe@example.com", When.ALWAYS, null, EMAIL, true),
				new FieldRule("phone", "+33.612345678", When.ALWAYS, null, PHONE, false),
				new FieldRule("fax", "+33.123456789", When.NEVER, null, PHONE, false),
				new FieldRule("language", "fr_FR", When.ALWAYS, LANGUAGES, null, false),
				new FieldRule("address.line1", "1 rue de la Paix", When.ALWAYS, null, null, false),
				new FieldRule("address.line2", "Bâtiment B", When.NEVER, null, null, false),
				new FieldRule("address.city", "Paris", When.ALWAYS, null, null, false),
				new FieldRule("address.zip", "75002", When.ZIP_COUNTRY, null, null, false),
				new FieldRule("address.country", "FR", When.ALWAYS, countries, null, false));
	}

	// ---- the rule tree
	// ------------------------------------------------------------------

	static ObjectNode tree(String action, String tld) {
		ObjectNode owner = Json.object();
		owner.put("label", "OWNER_CONTACT");
		owner.put("type", "contact");
		owner.put("description", "Owner contact of the domain name");
		owner.putArray("constraints").addObject().put("operator", "required");
		ObjectNode fields = owner.putObject("fields");
		ArrayNode and = fields.putArray("and");
		// The address fields come as a nested group without a label of its own, as
		// OVHcloud's rule trees may nest and/or groups inside OWNER_CONTACT.fields.
		ArrayNode address = null;
		for (FieldRule field : fields(tld)) {
			if (field.label().startsWith("address.")) {
				if (address == null) {
					address = and.addObject().putArray("and");
				}
				address.add(fieldRule(field, action));
			}
			else {
				and.add(fieldRule(field, action));
			}
		}
		if ("update".equals(action)) {
			return owner;
		}
		ObjectNode root = Json.object();
		ArrayNode rules = root.putArray("and");
		rules.add(owner);
		if ("create".equals(action)) {
			ObjectNode age = rules.addObject();
			age.put("label", "OWNER_LEGAL_AGE");
			age.put("type", "bool");
			age.put("description", "The owner is of legal age");
			age.put("placeholder", "true");
			ArrayNode constraints = age.putArray("constraints");
			constraints.addObject().put("operator", "required");
			constraints.addObject().put("operator", "shouldbetrue");
		}
		if ("transfer".equals(action)) {
			ObjectNode auth = rules.addObject();
			auth.put("label", "AUTH_INFO");
			auth.put("type", "string");
			auth.put("description", "Transfer authorisation code");
			auth.putArray("constraints").addObject().put("operator", "required");
		}
		return root;
	}

	private static ObjectNode fieldRule(FieldRule field, String action) {
		ObjectNode rule = Json.object();
		rule.put("label", field.label());
		rule.put("type", "string");
		rule.put("placeholder", field.placeholder());
		ArrayNode constraints = rule.putArray("constraints");
		switch (field.required()) {
			case ALWAYS -> constraints.addObject().put("operator", "required");
			case INDIVIDUAL -> constraints.addObject()
				.put("operator", "required")
				.set("conditions", ownerCondition("legalForm", "eq", "individual"));
			case NOT_INDIVIDUAL -> constraints.addObject()
				.put("operator", "required")
				.set("conditions", ownerCondition("legalForm", "ne", "individual"));
			case ZIP_COUNTRY -> {
				ObjectNode condition = ownerCondition("address.country", "notcontains", null);
				((ObjectNode) condition.path("fields").path("constraints").get(0)).set("values", Json.strings(NO_ZIP));
				constraints.addObject().put("operator", "required").set("conditions", condition);
			}
			case NEVER -> {
			}
		}
		if (field.values() != null) {
			constraints.addObject().put("operator", "contains").set("values", Json.strings(field.values()));
		}
		if (field.match() != null) {
			constraints.addObject().put("operator", "match").put("value", field.match());
		}
		constraints.addObject().put("operator", "maxlength").put("value", "255");
		if ("update".equals(action) && field.readonly() && PERSON_NAME.contains(field.label())) {
			// A top-level "and" of two conditions, the second one without the first's
			// field: read-only for an individual whose name is set.
			ObjectNode both = Json.object();
			ArrayNode conditions = both.putArray("and");
			conditions.add(ownerCondition("legalForm", "eq", "individual"));
			conditions.add(ownerCondition(field.label(), "notempty", null));
			constraints.addObject().put("operator", "readonly").set("conditions", both);
		}
		else if ("update".equals(action) && field.readonly()) {
			constraints.addObject()
				.put("operator", "readonly")
				.set("conditions", ownerCondition(field.label(), "notempty", null));
		}
		return rule;
	}

	private static ObjectNode ownerCondition(String label, String operator, String value) {
		ObjectNode condition = Json.object();
		condition.put("label", "OWNER_CONTACT");
		condition.put("type", "contact");
		ObjectNode fields = condition.putObject("fields");
		fields.put("label", label);
		fields.put("type", "string");
		ObjectNode constraint = fields.putArray("constraints").addObject().put("operator", operator);
		if (value != null) {
			constraint.put("value", value);
		}
		condition.putArray("constraints").addObject().put("operator", "required");
		return condition;
	}

	// ---- the checks
	// ---------------------------------------------------------------------

	/**
	 * Checks an owner contact; {@code current} is the stored contact for an update, whose
	 * identity fields may not change. Keys look like the rule engine's:
	 * {@code owner.city}.
	 */
	static Map<String, String> check(String action, String tld, JsonNode owner, JsonNode current) {
		Map<String, String> violations = new LinkedHashMap<>();
		boolean individual = "individual".equals(Json.text(owner, "legalForm"));
		String country = value(owner, "address.country");
		for (FieldRule field : fields(tld)) {
			String key = "owner." + field.name();
			String value = value(owner, field.label());
			boolean required = switch (field.required()) {
				case ALWAYS -> true;
				case INDIVIDUAL -> individual;
				case NOT_INDIVIDUAL -> !individual;
				case ZIP_COUNTRY -> country == null || !NO_ZIP.contains(country);
				case NEVER -> false;
			};
			boolean locked = field.readonly()
					&& (!PERSON_NAME.contains(field.label()) || "individual".equals(Json.text(current, "legalForm")));
			if ("update".equals(action) && locked && current != null) {
				String before = value(current, field.label());
				if (before != null && !before.isBlank() && !Objects.equals(before, value)) {
					violations.put(key, "Field \"" + field.name()
							+ "\" is read-only: changing it requires an owner change (trade)");
					continue;
				}
			}
			if (value == null || value.isBlank()) {
				if (required) {
					violations.put(key, "Field \"" + field.name() + "\" is required");
				}
				continue;
			}
			if (value.length() > 255) {
				violations.put(key, "Field \"" + field.name() + "\" must not exceed 255 characters");
			}
			else if (field.values() != null && !field.values().contains(value)) {
				violations.put(key, "Field \"" + field.name() + "\" must be one of " + field.values());
			}
			else if (field.match() != null && !value.matches(field.match())) {
				violations.put(key, "Field \"" + field.name() + "\" does not match " + field.match());
			}
		}
		return violations;
	}

	static String value(JsonNode contact, String label) {
		JsonNode node = contact;
		for (String part : label.split("\\.")) {
			node = (node != null) ? node.get(part) : null;
		}
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node.asString();
	}

}
