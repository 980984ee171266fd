package io.domaindesk.sandbox;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The OVHcloud accounts the sandbox knows: the configured agencies, other customers
 * seeded as contact-change targets, and accounts created through
 * {@code POST /newAccount}.
 */
@Component
@ConditionalOnSandbox
class Nichandles {

	static final Pattern FORMAT = Pattern.compile("^[a-z]{2,}[0-9]+-ovh$");

	/**
	 * The {@code nichandle.Nichandle} properties a customer may change with
	 * {@code PUT /me}.
	 */
	static final Set<String> WRITABLE = Set.of("address", "area", "birthCity", "birthDay", "city",
			"companyNationalIdentificationNumber", "complementaryAddress", "corporationType", "country", "fax",
			"firstname", "italianSDI", "language", "legalform", "name", "nationalIdentificationNumber", "organisation",
			"phone", "phoneCountry", "phoneType", "purposeOfPurchase", "sex", "spareEmail", "vat", "zip");

	private final ObjectStore store;

	Nichandles(ObjectStore store) {
		this.store = store;
	}

	static String normalise(String nichandle) {
		return (nichandle != null) ? nichandle.trim().toLowerCase(Locale.ROOT) : null;
	}

	Optional<ObjectNode> find(String nichandle) {
		String nic = normalise(nichandle);
		if (nic == null || !FORMAT.matcher(nic).matches()) {
			return Optional.empty();
		}
		return this.store.find(ObjectStore.NICHANDLE, nic);
	}

	boolean exists(String nichandle) {
		return find(nichandle).isPresent();
	}

	ObjectNode get(String nichandle) {
		return find(nichandle).orElseThrow(OvhError::notFound);
	}

	static ObjectNode newDocument(String nichandle, String firstname, String name, String organisation,
			String legalform, String email, String city, String country) {
		ObjectNode doc = Json.object();
		doc.put("nichandle", nichandle);
		doc.put("firstname", firstname);
		doc.put("name", name);
		doc.put("organisation", organisation);
		doc.put("legalform", legalform);
		doc.put("email", email);
		doc.put("address", "1 rue de la Paix");
		doc.putNull("area");
		doc.putNull("birthCity");
		doc.putNull("birthDay");
		doc.put("city", city);
		doc.putNull("companyNationalIdentificationNumber");
		doc.putNull("complementaryAddress");
		doc.putNull("corporationType");
		doc.put("country", country);
		doc.putObject("currency").put("code", "EUR").put("symbol", "EURO");
		doc.putNull("customerCode");
		doc.putNull("fax");
		doc.putNull("italianSDI");
		doc.put("kycValidated", false);
		doc.put("language", "fr_FR");
		doc.putNull("nationalIdentificationNumber");
		doc.put("ovhCompany", "ovh");
		doc.put("ovhSubsidiary", "FR");
		doc.put("phone", "+33.123456789");
		doc.put("phoneCountry", country);
		doc.put("phoneType", "landline");
		doc.putNull("purposeOfPurchase");
		doc.putNull("sex");
		doc.putNull("spareEmail");
		doc.put("state", "complete");
		doc.putNull("vat");
		doc.put("zip", "75002");
		return doc;
	}

	void create(ObjectNode doc) {
		String nic = Json.text(doc, "nichandle");
		this.store.insert(ObjectStore.NICHANDLE, nic, java.util.List.of(nic), null, doc);
	}

	ObjectNode update(String nichandle, JsonNode body) {
		ObjectNode doc = get(nichandle);
		body.properties().forEach((entry) -> {
			if (WRITABLE.contains(entry.getKey())) {
				doc.set(entry.getKey(), entry.getValue());
			}
		});
		this.store.updateDoc(ObjectStore.NICHANDLE, Json.text(doc, "nichandle"), doc);
		return doc;
	}

}
