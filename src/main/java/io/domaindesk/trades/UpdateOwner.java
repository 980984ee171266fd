package io.domaindesk.trades;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.ovh.RuleData;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Edits the owner contact without a change of owner: the typed values over the current
 * contact are checked against the {@code update} rules ({@code POST
 * /domain/configurationRule/check}), then sent ({@code PUT /domain/contact/{id}}). A
 * locked field that changed is refused next to it with the reason, and the page offers a
 * trade instead.
 */
@Component
class UpdateOwner {

	private final TradeConnections connections;

	private final OwnerContact owners;

	private final AuditLog audit;

	UpdateOwner(TradeConnections connections, OwnerContact owners, AuditLog audit) {
		this.connections = connections;
		this.owners = owners;
		this.audit = audit;
	}

	/**
	 * How it ended: field errors (by label) or a global error, nothing sent; or sent.
	 * {@code lockedChanged} lists the locked fields the user changed.
	 */
	record Result(boolean saved, Map<String, String> fieldErrors, List<String> lockedChanged, String error,
			String queryId, boolean unknown, List<String> changed, List<String> cleared) {

		Result(boolean saved, Map<String, String> fieldErrors, List<String> lockedChanged, String error, String queryId,
				boolean unknown) {
			this(saved, fieldErrors, lockedChanged, error, queryId, unknown, List.of(), List.of());
		}

	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	Result update(long agencyId, Inventory.InventoryDomain domain, Map<String, String> typed) {
		OwnerContact.Owner owner = this.owners.read(agencyId, domain, "update");
		Map<String, String> merged = new LinkedHashMap<>(owner.values());
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		List<String> lockedChanged = new java.util.ArrayList<>();
		List<String> cleared = new java.util.ArrayList<>();
		for (ContactField field : owner.fields()) {
			String value = blankToNull(typed.get(field.label()));
			String before = blankToNull(owner.values().get(field.label()));
			if (field.lockedFor(owner.values()) && !java.util.Objects.equals(value, before)) {
				lockedChanged.add(field.label());
			}
			if (value == null) {
				merged.remove(field.label());
				if (before != null) {
					cleared.add(field.label());
				}
			}
			else {
				merged.put(field.label(), value);
			}
		}
		DomainContact contact;
		try {
			contact = ContactValues.toContact(merged);
		}
		catch (IllegalArgumentException ex) {
			return new Result(false, fieldErrors, lockedChanged, ex.getMessage(), null, false);
		}
		OvhClient client = this.connections.client(agencyId, domain.ovhAccountId());
		try {
			client.contacts()
				.checkConfigurationRule("update", domain.name(), new RuleData(null, null, null, contact, null));
		}
		catch (OvhException.RuleViolation ex) {
			ex.violations().forEach((key, message) -> {
				String label = ContactValues.fieldOf(key, owner.fields());
				fieldErrors.put((label != null) ? label : "", message);
			});
			String global = fieldErrors.remove("");
			return new Result(false, fieldErrors, lockedChanged, global, ex.queryId(), false);
		}
		catch (OvhException ex) {
			return new Result(false, fieldErrors, lockedChanged, describe(ex), ex.queryId(), false);
		}
		if (!lockedChanged.isEmpty()) {
			// OVHcloud's check already refuses these; if some day it does not, the PUT
			// would still silently be an owner change, which only a trade may do.
			return new Result(false, fieldErrors, lockedChanged, null, null, false);
		}
		List<String> changed = changed(owner.values(), merged);
		Map<String, Object> details = Map.of("contactId", owner.contactId(), "fields", changed);
		// The intent is committed (its own transaction) before the call.
		this.audit.record(new AuditEntry(agencyId, "owner.update", domain.name(), details, AuditOutcome.PENDING, null));
		try {
			// A field left out of the body is kept by OVHcloud: the cleared ones are sent
			// as null.
			client.contacts().updateDomainContact(owner.contactId(), contact, cleared);
			this.audit
				.record(new AuditEntry(agencyId, "owner.update", domain.name(), details, AuditOutcome.SUCCESS, null));
			List<String> updated = changed.stream().filter((label) -> !cleared.contains(label)).toList();
			return new Result(true, fieldErrors, lockedChanged, null, null, false, updated, List.copyOf(cleared));
		}
		catch (OvhException.OutcomeUnknown ex) {
			this.audit.record(new AuditEntry(agencyId, "owner.update", domain.name(), details, AuditOutcome.UNKNOWN,
					ex.queryId()));
			return new Result(false, fieldErrors, lockedChanged, describe(ex), ex.queryId(), true);
		}
		catch (OvhException.RuleViolation ex) {
			this.audit.record(new AuditEntry(agencyId, "owner.update", domain.name(), details, AuditOutcome.FAILURE,
					ex.queryId()));
			ex.violations().forEach((key, message) -> {
				String label = ContactValues.fieldOf(key, owner.fields());
				fieldErrors.put((label != null) ? label : "", message);
			});
			String global = fieldErrors.remove("");
			return new Result(false, fieldErrors, lockedChanged, global, ex.queryId(), false);
		}
		catch (OvhException ex) {
			this.audit.record(new AuditEntry(agencyId, "owner.update", domain.name(), details, AuditOutcome.FAILURE,
					ex.queryId()));
			return new Result(false, fieldErrors, lockedChanged, describe(ex), ex.queryId(), false);
		}
	}

	/** Only the names of the fields that changed: the audit keeps no personal data. */
	private static List<String> changed(Map<String, String> before, Map<String, String> after) {
		java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
		keys.addAll(after.keySet());
		return keys.stream().filter(key -> !java.util.Objects.equals(before.get(key), after.get(key))).toList();
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** OVHcloud's own words, which staff can act on or quote to support. */
	static String describe(OvhException ex) {
		return ex.inWords();
	}

}
