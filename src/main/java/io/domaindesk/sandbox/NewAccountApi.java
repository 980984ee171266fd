package io.domaindesk.sandbox;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /newAccount}: creates nichandles that can then be the target of contact changes.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class NewAccountApi {

	static final List<String> FIELDS = List.of("address", "area", "birthCity", "birthDay", "city",
			"companyNationalIdentificationNumber", "corporationType", "country", "email", "fax", "firstname",
			"italianSDI", "language", "legalform", "name", "nationalIdentificationNumber", "organisation", "ovhCompany",
			"ovhSubsidiary", "phone", "phoneCountry", "phoneType", "purposeOfPurchase", "sex", "spareEmail", "vat",
			"zip");

	private final Nichandles nichandles;

	private final Mailbox mailbox;

	private final Credentials credentials;

	NewAccountApi(Nichandles nichandles, Mailbox mailbox, Credentials credentials) {
		this.credentials = credentials;
		this.nichandles = nichandles;
		this.mailbox = mailbox;
	}

	@NoAuthentication
	@GetMapping("/newAccount/creationRules")
	JsonNode creationRules(@RequestParam String country, @RequestParam String legalform,
			@RequestParam String ovhCompany, @RequestParam String ovhSubsidiary) {
		checkEnums(country, legalform, ovhCompany, ovhSubsidiary);
		return rules(country, legalform);
	}

	static void checkEnums(String country, String legalform, String ovhCompany, String ovhSubsidiary) {
		if (!OwnerRules.COUNTRIES.contains(country)) {
			throw OvhError.badRequest("[country] Given data (" + country + ") does not belong to the enum");
		}
		if (!OwnerRules.LEGAL_FORMS.contains(legalform)) {
			throw OvhError.badRequest("[legalform] Given data (" + legalform + ") does not belong to the enum");
		}
		if (!List.of("kimsufi", "ovh", "soyoustart").contains(ovhCompany)) {
			throw OvhError.badRequest("[ovhCompany] Given data (" + ovhCompany + ") does not belong to the enum");
		}
		if (!Carts.SUBSIDIARIES.contains(ovhSubsidiary)) {
			throw OvhError.badRequest("[ovhSubsidiary] Given data (" + ovhSubsidiary + ") does not belong to the enum");
		}
	}

	/**
	 * {@code nichandle.CreationRules}: one rule per field, depending on country and legal
	 * form.
	 */
	static ObjectNode rules(String country, String legalform) {
		boolean individual = "individual".equals(legalform);
		boolean france = "FR".equals(country);
		ObjectNode rules = Json.object();
		for (String field : FIELDS) {
			ObjectNode rule = rules.putObject(field);
			rule.putNull("defaultValue");
			rule.putArray("examples");
			rule.put("fieldName", field);
			rule.putNull("in");
			rule.put("mandatory", false);
			rule.put("maxLength", 255);
			rule.put("minLength", 0);
			rule.putNull("prefix");
			rule.putNull("regularExpression");
		}
		for (String field : List.of("address", "city", "country", "email", "language", "legalform", "ovhCompany",
				"ovhSubsidiary", "phone")) {
			((ObjectNode) rules.get(field)).put("mandatory", true);
		}
		mandatory(rules, "firstname", individual);
		mandatory(rules, "name", individual);
		mandatory(rules, "organisation", !individual);
		mandatory(rules, "zip", !OwnerRules.NO_ZIP.contains(country));
		mandatory(rules, "companyNationalIdentificationNumber", france && "corporation".equals(legalform));
		ObjectNode zip = (ObjectNode) rules.get("zip");
		zip.put("regularExpression", france ? "^[0-9]{5}$" : "^[A-Za-z0-9 -]{2,10}$");
		zip.putArray("examples").add(france ? "75002" : "1000");
		ObjectNode email = (ObjectNode) rules.get("email");
		email.put("regularExpression", OwnerRules.EMAIL);
		email.putArray("examples").add("john.doe@example.com");
		ObjectNode phone = (ObjectNode) rules.get("phone");
		phone.put("regularExpression", OwnerRules.PHONE);
		phone.putArray("examples").add("+33.612345678");
		phone.put("prefix", france ? "+33" : null);
		((ObjectNode) rules.get("country")).put("defaultValue", country).set("in", Json.strings(OwnerRules.COUNTRIES));
		((ObjectNode) rules.get("phoneCountry")).put("defaultValue", country)
			.set("in", Json.strings(OwnerRules.COUNTRIES));
		((ObjectNode) rules.get("legalform")).put("defaultValue", legalform)
			.set("in", Json.strings(OwnerRules.LEGAL_FORMS));
		((ObjectNode) rules.get("language")).put("defaultValue", france ? "fr_FR" : "en_GB")
			.set("in", Json.strings(OwnerRules.LANGUAGES));
		((ObjectNode) rules.get("ovhCompany")).put("defaultValue", "ovh")
			.set("in", Json.strings(List.of("kimsufi", "ovh", "soyoustart")));
		((ObjectNode) rules.get("ovhSubsidiary")).put("defaultValue", france ? "FR" : "EU")
			.set("in", Json.strings(Carts.SUBSIDIARIES.stream().sorted().toList()));
		((ObjectNode) rules.get("phoneType")).set("in", Json.strings(List.of("landline", "mobile")));
		((ObjectNode) rules.get("sex")).set("in", Json.strings(List.of("female", "male")));
		((ObjectNode) rules.get("companyNationalIdentificationNumber")).put("regularExpression",
				france ? "^[0-9]{9}([0-9]{5})?$" : null);
		((ObjectNode) rules.get("birthDay")).put("regularExpression", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
		return rules;
	}

	private static void mandatory(ObjectNode rules, String field, boolean mandatory) {
		((ObjectNode) rules.get(field)).put("mandatory", mandatory);
	}

	@NoAuthentication
	@PostMapping("/newAccount")
	@Transactional
	JsonNode create(@RequestBody JsonNode body,
			@RequestHeader(name = "X-Ovh-Application", required = false) String applicationKey) {
		String country = Json.text(body, "country");
		String legalform = Json.text(body, "legalform");
		for (String field : List.of("country", "email", "legalform", "ovhCompany", "ovhSubsidiary")) {
			if (Json.text(body, field) == null) {
				throw OvhError.badRequest("Missing parameter(s): " + field);
			}
		}
		checkEnums(country, legalform, Json.text(body, "ovhCompany"), Json.text(body, "ovhSubsidiary"));
		ObjectNode rules = rules(country, legalform);
		for (String field : FIELDS) {
			JsonNode rule = rules.get(field);
			String value = Json.text(body, field);
			if (rule.path("mandatory").asBoolean() && (value == null || value.isBlank())) {
				throw OvhError.badRequest("Invalid field " + field + ": it is mandatory");
			}
			String regex = Json.text(rule, "regularExpression");
			if (value != null && regex != null && !value.matches(regex)) {
				throw OvhError.badRequest("Invalid field " + field + ": it does not match " + regex);
			}
			if (value != null && value.length() > 255) {
				throw OvhError.badRequest("Invalid field " + field + ": it is too long");
			}
			JsonNode allowed = rule.get("in");
			if (value != null && allowed != null && allowed.isArray() && !contains(allowed, value)) {
				throw OvhError.badRequest("Invalid field " + field + ": value not allowed");
			}
		}
		String nichandle = newNichandle(
				"individual".equals(legalform) ? Json.text(body, "name") : Json.text(body, "organisation"));
		ObjectNode doc = Nichandles.newDocument(nichandle, Json.text(body, "firstname"), Json.text(body, "name"),
				Json.text(body, "organisation"), legalform, Json.text(body, "email"), Json.text(body, "city"), country);
		for (String field : FIELDS) {
			if (body.has(field)) {
				doc.set(field, body.get(field));
			}
		}
		doc.put("state", "complete");
		this.nichandles.create(doc);
		// The application that asked (an agency in the demo) reads the welcome mail too.
		this.mailbox.send(nichandle, "Welcome to OVHcloud, your identifier is " + nichandle, "account", null, null,
				null, "Your customer account " + nichandle + " was created.",
				this.credentials.accountsOf(applicationKey));
		ObjectNode answer = Json.object();
		answer.putNull("consumerKey");
		answer.put("ovhIdentifier", nichandle);
		return answer;
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode item : array) {
			if (item.asString().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private String newNichandle(String name) {
		String letters = Normalizer.normalize((name != null) ? name : "xx", Normalizer.Form.NFD)
			.replaceAll("[^A-Za-z]", "")
			.toLowerCase(Locale.ROOT);
		String prefix = (letters + "xx").substring(0, 2);
		while (true) {
			String nichandle = prefix + (10000 + ThreadLocalRandom.current().nextInt(90000)) + "-ovh";
			if (!this.nichandles.exists(nichandle)) {
				return nichandle;
			}
		}
	}

}
