package io.domaindesk.sandbox;

import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /domain/configurationRule}: eligibility rule trees and their check.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class ConfigurationRuleApi {

	private final ObjectStore store;

	private final OwnerContacts contacts;

	ConfigurationRuleApi(ObjectStore store, OwnerContacts contacts) {
		this.store = store;
		this.contacts = contacts;
	}

	private static String tld(String action, String domain) {
		if (!OwnerRules.ACTIONS.contains(action)) {
			throw OvhError.badRequest("[action] Given data (" + action + ") does not belong to the enum");
		}
		if (!domain.contains(".")) {
			throw OvhError.badRequest("Invalid domain name: " + domain);
		}
		return Domains.tld(domain);
	}

	@NoAuthentication
	@GetMapping("/domain/configurationRule")
	JsonNode rule(@RequestParam String action, @RequestParam String domain) {
		return OwnerRules.tree(action, tld(action, domain));
	}

	/**
	 * For {@code update}, {@code trade} and {@code transfer} a missing owner is taken
	 * from the existing service, as the rule engine does; an update also keeps identity
	 * fields locked.
	 */
	@PostMapping("/domain/configurationRule/check")
	JsonNode check(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestParam String action,
			@RequestParam String domain, @RequestBody JsonNode body) {
		String tld = tld(action, domain);
		JsonNode owner = body.get("owner");
		ObjectNode current = null;
		if (!"create".equals(action)) {
			ObjectNode service = this.store.findRow(ObjectStore.DOMAIN, domain.toLowerCase(Locale.ROOT))
				.filter((row) -> row.parties().contains(caller.nic()))
				.map(ObjectStore.Row::doc)
				.orElse(null);
			if (service == null && "update".equals(action)) {
				throw OvhError.notFound();
			}
			if (service != null) {
				current = this.store.find(ObjectStore.CONTACT, Json.text(service, "whoisOwner")).orElse(null);
			}
		}
		if (owner == null || owner.isNull()) {
			owner = current;
		}
		if (owner == null) {
			throw this.contacts.rulesError(Map.of("owner", "Field \"OWNER_CONTACT\" is required"));
		}
		OwnerContacts.validateTypes(owner);
		Map<String, String> violations = OwnerRules.check(action, tld, owner, "update".equals(action) ? current : null);
		if ("create".equals(action) && !Json.bool(body.path("extras"), "acceptCondition")
				&& body.path("extras").has("acceptCondition")) {
			violations.put("extras.acceptCondition", "Field \"acceptCondition\" should be true");
		}
		if (!violations.isEmpty()) {
			throw this.contacts.rulesError(violations);
		}
		return Json.NODES.nullNode();
	}

}
