package io.domaindesk.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read and tell about the inventory: look a domain up, select
 * domains with the same filters as the list, and announce changes DomainDesk itself makes
 * (so that a sync does not report them as drift).
 */
@Component
public class Inventory {

	/** Above this, a selection is refused rather than silently truncated. */
	public static final int MAX_SELECTION = 5000;

	private final JdbcClient jdbc;

	private final DomainSearch search;

	Inventory(JdbcClient jdbc, DomainSearch search) {
		this.jdbc = jdbc;
		this.search = search;
	}

	/** A domain as other modules see it. */
	public record InventoryDomain(String name, String unicodeName, long ovhAccountId, String state, String contactAdmin,
			String contactTech, String contactBilling, String ownerContactId, String ownerName,
			String ownerOrganisation, boolean gone) {

		/** The current nichandle of a role, by OVHcloud's field name. */
		public String contact(String field) {
			return switch (field) {
				case "contactAdmin" -> this.contactAdmin;
				case "contactTech" -> this.contactTech;
				case "contactBilling" -> this.contactBilling;
				default -> throw new IllegalArgumentException("Unknown contact field " + field);
			};
		}

	}

	@Transactional(readOnly = true)
	public Optional<InventoryDomain> find(long agencyId, String name) {
		return this.jdbc
			.sql("select " + DomainRow.COLUMNS + " from domain d where d.agency_id = :agency and d.name = :name")
			.param("agency", agencyId)
			.param("name", DomainNames.toAscii(name))
			.query(DomainRow.class)
			.optional()
			.map(Inventory::toDomain);
	}

	/**
	 * The domains matching the list's URL filters ({@code q}, {@code nic}, {@code role},
	 * {@code tld}, …), in list order, at most {@link #MAX_SELECTION}.
	 */
	@Transactional(readOnly = true)
	public List<InventoryDomain> select(long agencyId, Map<String, String> filterParams) {
		DomainFilter filter = new DomainFilter(filterParams.get("q"), filterParams.get("nic"), filterParams.get("role"),
				filterParams.get("tld"), filterParams.get("state"), parseInt(filterParams.get("expiresWithin")),
				Boolean.valueOf(filterParams.get("pending")), Boolean.valueOf(filterParams.get("drift")), false, null,
				null, null, null);
		List<InventoryDomain> domains = new ArrayList<>();
		this.search.forEach(agencyId, filter, row -> {
			if (domains.size() <= MAX_SELECTION) {
				domains.add(toDomain(row));
			}
		});
		return domains;
	}

	/**
	 * Records a change DomainDesk asked OVHcloud for; the sync that sees it will not call
	 * it drift.
	 */
	@Transactional
	public void expectChange(long agencyId, String domain, String field, String newValue) {
		this.jdbc.sql("""
				insert into domain_expected_change (agency_id, domain_name, field, new_value)
				values (:agency, :domain, :field, :value)
				""")
			.param("agency", agencyId)
			.param("domain", DomainNames.toAscii(domain))
			.param("field", field)
			.param("value", newValue)
			.update();
	}

	/**
	 * A change DomainDesk saw completing at OVHcloud (a contact-change task done): the
	 * inventory shows it at once, without waiting for the next sync, and the expectation
	 * is consumed.
	 */
	@Transactional
	public void changeCompleted(long agencyId, String domain, String field, String newValue) {
		String column = switch (field) {
			case "contactAdmin" -> "contact_admin";
			case "contactTech" -> "contact_tech";
			case "contactBilling" -> "contact_billing";
			case "owner" -> "owner_contact_id";
			default -> throw new IllegalArgumentException("Unknown field " + field);
		};
		String ascii = DomainNames.toAscii(domain);
		this.jdbc.sql("update domain set " + column + " = :value where agency_id = :agency and name = :name")
			.param("value", newValue)
			.param("agency", agencyId)
			.param("name", ascii)
			.update();
		this.jdbc.sql("""
				delete from domain_expected_change
				where agency_id = :agency and domain_name = :name and field = :field and new_value = :value
				""")
			.param("agency", agencyId)
			.param("name", ascii)
			.param("field", field)
			.param("value", newValue)
			.update();
	}

	/**
	 * Adjusts the pending-operation count shown in the list when DomainDesk starts or
	 * ends an operation.
	 */
	@Transactional
	public void pendingOperations(long agencyId, String domain, int delta) {
		this.jdbc.sql("""
				update domain set pending_operations = greatest(0, pending_operations + :delta)
				where agency_id = :agency and name = :name
				""")
			.param("delta", delta)
			.param("agency", agencyId)
			.param("name", DomainNames.toAscii(domain))
			.update();
	}

	private static InventoryDomain toDomain(DomainRow row) {
		return new InventoryDomain(row.name(), row.unicodeName(), row.ovhAccountId(), row.state(), row.contactAdmin(),
				row.contactTech(), row.contactBilling(), row.ownerContactId(), row.ownerName(), row.ownerOrganisation(),
				row.gone());
	}

	private static Integer parseInt(String value) {
		try {
			return (value != null && !value.isBlank()) ? Integer.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
