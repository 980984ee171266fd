package io.domaindesk.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owner (registrant) contacts, {@code domain.Contact}; {@code /me/contact} shows the same
 * contacts through the {@code me.contact.Contact} model.
 */
@Component
@ConditionalOnSandbox
class OwnerContacts {

	/**
	 * Every property of {@code domain.Contact}: OVHcloud answers them all, null when
	 * unset.
	 */
	static final List<String> FIELDS = List.of("accreditationCountry", "accreditationId", "accreditationOrganism",
			"accreditationYear", "address", "birthCity", "birthCountry", "birthDay", "birthZip", "cellPhone",
			"companyNationalIdentificationNumber", "email", "enterpriseId", "fax", "firstName", "gender", "id", "insee",
			"language", "lastName", "legalForm", "legalFormCategory", "nationalIdentificationNumber", "nationality",
			"organisationAccountable", "organisationFunding", "organisationFundingOther", "organisationName",
			"organisationRole", "organisationRoleOther", "organisationStaffStatus", "organisationStaffStatusOther",
			"organisationType", "organisationTypeOther", "phone", "registrantDocumentType",
			"registrantDocumentTypeOther", "roleInOrganisation", "trademarkId", "vat", "website");

	static final List<String> ADDRESS_FIELDS = List.of("city", "country", "line1", "line2", "line3", "otherDetails",
			"province", "zip");

	private final ObjectStore store;

	private final Domains domains;

	private final SandboxClock clock;

	OwnerContacts(ObjectStore store, Domains domains, SandboxClock clock) {
		this.store = store;
		this.domains = domains;
		this.clock = clock;
	}

	/**
	 * Builds a complete {@code domain.Contact} document from whatever subset was given.
	 */
	static ObjectNode normalise(long id, JsonNode given) {
		ObjectNode contact = Json.object();
		for (String field : FIELDS) {
			JsonNode value = given.get(field);
			contact.set(field, (value != null) ? value : Json.NODES.nullNode());
		}
		contact.put("id", id);
		JsonNode address = given.get("address");
		if (address != null && address.isObject()) {
			ObjectNode normalised = contact.putObject("address");
			for (String field : ADDRESS_FIELDS) {
				JsonNode value = address.get(field);
				normalised.set(field, (value != null) ? value : Json.NODES.nullNode());
			}
		}
		return contact;
	}

	/** Types and enum values are checked on every write, like OVHcloud's API front. */
	static void validateTypes(JsonNode body) {
		if (!body.isObject()) {
			throw OvhError.badRequest("Invalid JSON received");
		}
		enumField(body, "legalForm", OwnerRules.LEGAL_FORMS);
		enumField(body, "language", OwnerRules.LANGUAGES);
		enumField(body, "gender", List.of("female", "male"));
		enumField(body, "nationality", OwnerRules.COUNTRIES);
		enumField(body, "birthCountry", OwnerRules.COUNTRIES);
		JsonNode address = body.get("address");
		if (address != null && !address.isNull()) {
			if (!address.isObject()) {
				throw OvhError.badRequest("[address] Given data is not an object");
			}
			enumField(address, "country", OwnerRules.COUNTRIES);
		}
	}

	private static void enumField(JsonNode body, String field, List<String> allowed) {
		String value = Json.text(body, field);
		if (value != null && !allowed.contains(value)) {
			throw OvhError.badRequest("[" + field + "] Given data (" + value + ") does not belong to the enum");
		}
	}

	@Transactional
	ObjectNode create(String caller, JsonNode body) {
		validateTypes(body);
		long id = this.store.nextId();
		ObjectNode contact = normalise(id, body);
		this.store.insert(ObjectStore.CONTACT, Long.toString(id), List.of(caller), null, contact);
		return contact;
	}

	List<ObjectNode> list(String caller) {
		return this.store.docsFor(ObjectStore.CONTACT, caller);
	}

	ObjectNode visible(String caller, long id) {
		return this.store.findRow(ObjectStore.CONTACT, Long.toString(id))
			.filter((row) -> row.parties().contains(caller))
			.map(ObjectStore.Row::doc)
			.orElseThrow(() -> OvhError.objectNotFound(id));
	}

	/**
	 * Merges the update into the stored contact and applies the {@code update} rules of
	 * the extension of a domain it owns: on such a contact the identity fields are
	 * read-only.
	 */
	@Transactional
	ObjectNode update(String caller, long id, JsonNode body) {
		validateTypes(body);
		ObjectNode current = visible(caller, id);
		ObjectNode merged = current.deepCopy();
		body.properties().forEach((entry) -> {
			if ("address".equals(entry.getKey()) && entry.getValue().isObject() && merged.get("address").isObject()) {
				ObjectNode address = (ObjectNode) merged.get("address");
				entry.getValue().properties().forEach((field) -> address.set(field.getKey(), field.getValue()));
			}
			else if (FIELDS.contains(entry.getKey()) && !"id".equals(entry.getKey())) {
				merged.set(entry.getKey(), entry.getValue());
			}
		});
		ObjectNode normalised = normalise(id, merged);
		List<ObjectNode> owned = this.domains.ownedBy(id);
		if (!owned.isEmpty()) {
			String tld = Domains.tld(Json.text(owned.get(0), "domain"));
			Map<String, String> violations = OwnerRules.check("update", tld, normalised, current);
			if (!violations.isEmpty()) {
				throw rulesError(violations);
			}
		}
		this.store.updateDoc(ObjectStore.CONTACT, Long.toString(id), normalised);
		return normalised;
	}

	OvhError rulesError(Map<String, String> violations) {
		String stamp = this.clock.now().toString();
		return OvhError.rulesNotRespected(new LinkedHashMap<>(violations), Integer.toHexString(stamp.hashCode()),
				stamp);
	}

	/** The {@code me.contact.Contact} view: fewer fields, and some of them never null. */
	static ObjectNode meView(ObjectNode contact) {
		ObjectNode view = Json.object();
		view.put("id", contact.path("id").asLong());
		ObjectNode address = view.putObject("address");
		JsonNode source = contact.path("address");
		for (String field : List.of("city", "country", "line1")) {
			address.put(field, (Json.text(source, field) != null) ? Json.text(source, field) : "");
		}
		if (Json.text(address, "country").isEmpty()) {
			address.put("country", "FR");
		}
		for (String field : List.of("line2", "line3", "otherDetails", "province", "zip")) {
			address.set(field, source.has(field) ? source.get(field) : Json.NODES.nullNode());
		}
		for (String field : List.of("email", "firstName", "lastName")) {
			view.put(field, (Json.text(contact, field) != null) ? Json.text(contact, field) : "");
		}
		view.put("language", (Json.text(contact, "language") != null) ? Json.text(contact, "language") : "fr_FR");
		view.put("legalForm", (Json.text(contact, "legalForm") != null) ? Json.text(contact, "legalForm") : "other");
		for (String field : List.of("birthCity", "birthCountry", "birthDay", "birthZip", "cellPhone",
				"companyNationalIdentificationNumber", "fax", "gender", "nationalIdentificationNumber", "nationality",
				"organisationName", "organisationType", "phone", "vat")) {
			view.set(field, contact.has(field) ? contact.get(field) : Json.NODES.nullNode());
		}
		view.putNull("spareEmail");
		return view;
	}

}
