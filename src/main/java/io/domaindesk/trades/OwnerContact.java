package io.domaindesk.trades;

import java.util.List;
import java.util.Map;

import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.OvhClient;

import org.springframework.stereotype.Component;

/**
 * Reads a domain's owner contact and the owner-contact rules fresh from OVHcloud: the
 * inventory's copy may be a day old, and the rules differ per extension and action.
 */
@Component
class OwnerContact {

	private final TradeConnections connections;

	OwnerContact(TradeConnections connections) {
		this.connections = connections;
	}

	/** The owner as OVHcloud has it now, with the rules of an action on this domain. */
	record Owner(long contactId, DomainContact contact, Map<String, String> values, List<ContactField> fields) {

	}

	Owner read(long agencyId, Inventory.InventoryDomain domain, String action) {
		OvhClient client = this.connections.client(agencyId, domain.ovhAccountId());
		String ownerId = client.domains().get(domain.name()).whoisOwner();
		long contactId = Long.parseLong(ownerId);
		DomainContact contact = client.contacts().domainContact(contactId);
		return new Owner(contactId, contact, ContactValues.flatten(contact), fields(client, action, domain.name()));
	}

	List<ContactField> fields(long agencyId, Inventory.InventoryDomain domain, String action) {
		return fields(this.connections.client(agencyId, domain.ovhAccountId()), action, domain.name());
	}

	private static List<ContactField> fields(OvhClient client, String action, String domain) {
		return ContactField.fromTree(client.contacts().configurationRule(action, domain));
	}

}
