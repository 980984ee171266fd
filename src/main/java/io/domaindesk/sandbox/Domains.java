package io.domaindesk.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The domain services. A domain is visible to the nichandles that are its admin, tech or
 * billing contact, as at OVHcloud.
 */
@Component
@ConditionalOnSandbox
class Domains {

	/** Extensions where OVHcloud applies the generic (ICANN) rules. */
	static final Set<String> GENERIC = Set.of("com", "net", "org", "shop", "io", "info", "biz");

	/** States in which OVHcloud still lets contacts change. */
	static final Set<String> CHANGEABLE = Set.of("ok", "autorenew_in_progress", "autorenew_registry_in_progress");

	/**
	 * States whose service has lapsed ({@code services.Service} status {@code expired}).
	 */
	static final Set<String> EXPIRED = Set.of("expired", "restorable", "pending_delete", "deleted");

	private final ObjectStore store;

	private final SandboxClock clock;

	Domains(ObjectStore store, SandboxClock clock) {
		this.store = store;
		this.clock = clock;
	}

	static String tld(String domain) {
		return domain.substring(domain.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
	}

	static String contact(ObjectNode domain, String type) {
		return Json.text(domain.path(type), "id");
	}

	/** The domain if the caller may see it; 404 like OVHcloud otherwise. */
	ObjectNode visible(String nichandle, String serviceName) {
		return this.store.findRow(ObjectStore.DOMAIN, serviceName.toLowerCase(Locale.ROOT))
			.filter((row) -> row.parties().contains(nichandle))
			.map(ObjectStore.Row::doc)
			.orElseThrow(OvhError::notFound);
	}

	ObjectNode get(String serviceName) {
		return this.store.find(ObjectStore.DOMAIN, serviceName).orElseThrow(OvhError::notFound);
	}

	static List<String> parties(ObjectNode domain) {
		Set<String> parties = new LinkedHashSet<>();
		parties.add(contact(domain, "contactAdmin"));
		parties.add(contact(domain, "contactTech"));
		parties.add(contact(domain, "contactBilling"));
		return List.copyOf(parties);
	}

	void save(ObjectNode domain) {
		domain.put("lastUpdate", Json.dateTime(this.clock.now()));
		String name = Json.text(domain, "domain");
		this.store.update(ObjectStore.DOMAIN, name, parties(domain), Json.text(domain, "whoisOwner"), domain);
	}

	/**
	 * Whether an owner contact is attached to at least one domain (its identity is then
	 * locked).
	 */
	boolean ownsDomain(long contactId) {
		return !this.store.docsByRef(ObjectStore.DOMAIN, Long.toString(contactId)).isEmpty();
	}

	List<ObjectNode> ownedBy(long contactId) {
		return this.store.docsByRef(ObjectStore.DOMAIN, Long.toString(contactId));
	}

	/** {@code services.Service}, derived from the domain document. */
	static ObjectNode serviceInfos(ObjectNode domain) {
		ObjectNode info = Json.object();
		info.put("domain", Json.text(domain, "domain"));
		info.put("serviceId", domain.path("serviceId").asLong());
		info.put("contactAdmin", contact(domain, "contactAdmin"));
		info.put("contactTech", contact(domain, "contactTech"));
		info.put("contactBilling", contact(domain, "contactBilling"));
		info.put("creation", Json.text(domain, "_creation"));
		info.put("expiration", Json.text(domain, "expirationDate").substring(0, 10));
		info.putNull("engagedUpTo");
		String state = Json.text(domain, "state");
		info.put("status", EXPIRED.contains(state) ? "expired" : switch (state) {
			case "autorenew_in_progress", "autorenew_registry_in_progress" -> "autorenewInProgress";
			case "pending_create", "pending_installation", "pending_incoming_transfer" -> "inCreation";
			default -> "unpaid".equals(Json.text(domain, "renewalState")) ? "unPaid" : "ok";
		});
		info.put("renewalType", "automaticV2016");
		boolean automatic = "automatic_renew".equals(Json.text(domain, "renewalState"));
		info.putObject("renew")
			.put("automatic", automatic)
			.put("deleteAtExpiration", "cancellation_requested".equals(Json.text(domain, "renewalState")))
			.put("forced", false)
			.put("manualPayment", !automatic)
			.put("period", 12);
		info.set("possibleRenewPeriod", Json.longs(List.of(12L, 24L, 36L, 48L, 60L, 72L, 84L, 96L, 108L, 120L)));
		info.put("canDeleteAtExpiration", true);
		return info;
	}

}
