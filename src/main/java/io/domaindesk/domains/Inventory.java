package io.domaindesk.domains;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
				null, null, null, parseLong(filterParams.get("client")));
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
	 * An owner change DomainDesk saw completing: the list and the domain page show the
	 * owner OVHcloud set ({@code ownerContactId}, which may be a copy of the
	 * {@code expectedContactId} DomainDesk asked for) with its name, and the expectation
	 * is consumed.
	 */
	@Transactional
	public void ownerChanged(long agencyId, String domain, String expectedContactId, String ownerContactId,
			String ownerName, String ownerOrganisation) {
		String ascii = DomainNames.toAscii(domain);
		this.jdbc.sql("""
				update domain set owner_contact_id = :id, owner_name = :name, owner_organisation = :organisation
				where agency_id = :agency and name = :domain
				""")
			.param("id", ownerContactId)
			.param("name", ownerName)
			.param("organisation", ownerOrganisation)
			.param("agency", agencyId)
			.param("domain", ascii)
			.update();
		this.jdbc.sql("""
				delete from domain_expected_change
				where agency_id = :agency and domain_name = :domain and field = 'owner' and new_value in (:values)
				""")
			.param("agency", agencyId)
			.param("domain", ascii)
			.param("values", List.of(expectedContactId, ownerContactId))
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

	/**
	 * A domain's owner identity as the sync last read it, and the client it is grouped
	 * under ({@code null} before the first grouping).
	 */
	public record OwnerIdentity(long domainId, String domain, String ownerContactId, String ownerName,
			String ownerOrganisation, String ownerEmail, String ownerLegalForm, Instant expiresAt, Long clientId) {

	}

	/**
	 * Every present domain's owner identity, streamed in one query (the clients' grouping
	 * reads 100,000 of them after a sync).
	 */
	@Transactional(readOnly = true)
	public void forEachOwner(long agencyId, Consumer<OwnerIdentity> consumer) {
		try (Stream<OwnerIdentity> rows = this.jdbc.sql("""
				select d.id, d.name, d.owner_contact_id, d.owner_name, d.owner_organisation, d.owner_email,
				       d.owner_legal_form, d.expires_at, dc.client_id
				from domain d left join domain_client dc on dc.domain_id = d.id
				where d.agency_id = :agency and d.gone_at is null
				""")
			.param("agency", agencyId)
			.query((rs, n) -> new OwnerIdentity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7),
					(rs.getTimestamp(8) != null) ? rs.getTimestamp(8).toInstant() : null,
					(Long) rs.getObject(9, Long.class)))
			.stream()) {
			rows.forEach(consumer);
		}
	}

	/**
	 * Files domains under clients ({@code domain id → client id}); the clients module
	 * owns the grouping, the inventory only keeps the link so that its list can filter by
	 * it. The link is a narrow table of its own (V20), written in one statement whatever
	 * the number of domains: a first grouping files all 100,000 of them, and as a column
	 * of {@code domain} that was 100,000 new versions of a row with a dozen indexes. Only
	 * domains of the agency are filed.
	 */
	@Transactional
	public void assignClients(long agencyId, Map<Long, Long> clientByDomain) {
		if (clientByDomain.isEmpty()) {
			return;
		}
		long[] domains = new long[clientByDomain.size()];
		long[] clients = new long[clientByDomain.size()];
		int i = 0;
		for (Map.Entry<Long, Long> link : clientByDomain.entrySet()) {
			domains[i] = link.getKey();
			clients[i++] = link.getValue();
		}
		this.jdbc.sql("""
				insert into domain_client (agency_id, domain_id, client_id)
				select d.agency_id, d.id, l.client_id
				from unnest(:domains, :clients) as l(domain_id, client_id)
				join domain d on d.id = l.domain_id and d.agency_id = :agency
				on conflict (domain_id) do update set client_id = excluded.client_id
				""").param("domains", domains).param("clients", clients).param("agency", agencyId).update();
	}

	/** A merge: every domain of one client now belongs to another. */
	@Transactional
	public int moveClient(long agencyId, long fromClient, long toClient) {
		return this.jdbc.sql("update domain_client set client_id = :to where agency_id = :agency and client_id = :from")
			.param("to", toClient)
			.param("agency", agencyId)
			.param("from", fromClient)
			.update();
	}

	/** Live figures of some clients (a page of the client list). */
	public record ClientFigures(long clientId, int domains, Instant nextExpiry, int pendingOperations) {

	}

	@Transactional(readOnly = true)
	public Map<Long, ClientFigures> clientFigures(long agencyId, Collection<Long> clientIds) {
		Map<Long, ClientFigures> figures = new HashMap<>();
		if (clientIds.isEmpty()) {
			return figures;
		}
		this.jdbc.sql("""
				select dc.client_id, count(*), min(d.expires_at), coalesce(sum(d.pending_operations), 0)
				from domain_client dc join domain d on d.id = dc.domain_id
				where dc.agency_id = :agency and dc.client_id in (:clients) and d.agency_id = :agency
				  and d.gone_at is null
				group by dc.client_id
				""").param("agency", agencyId).param("clients", clientIds).query((rs, n) -> {
			ClientFigures f = new ClientFigures(rs.getLong(1), rs.getInt(2),
					(rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant() : null, rs.getInt(4));
			figures.put(f.clientId(), f);
			return f;
		}).list();
		return figures;
	}

	/**
	 * A client's present domains, in name order, at most {@code limit}: the rows of the
	 * domain list.
	 */
	@Transactional(readOnly = true)
	public List<DomainRow> clientDomains(long agencyId, long clientId, int limit) {
		return this.jdbc
			.sql("select " + DomainRow.COLUMNS + " from domain_client dc join domain d on d.id = dc.domain_id"
					+ " where dc.agency_id = :agency and dc.client_id = :client and d.agency_id = :agency"
					+ " and d.gone_at is null order by d.unicode_name limit :limit")
			.param("agency", agencyId)
			.param("client", clientId)
			.param("limit", limit)
			.query(DomainRow.class)
			.list();
	}

	/** The client a domain is grouped under, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> clientOf(long agencyId, String domain) {
		return this.jdbc.sql("""
				select dc.client_id from domain d join domain_client dc on dc.domain_id = d.id
				where d.agency_id = :agency and d.name = :name
				""")
			.param("agency", agencyId)
			.param("name", DomainNames.toAscii(domain))
			.query((rs, n) -> (Long) rs.getObject(1, Long.class))
			.optional();
	}

	private static InventoryDomain toDomain(DomainRow row) {
		return new InventoryDomain(row.name(), row.unicodeName(), row.ovhAccountId(), row.state(), row.contactAdmin(),
				row.contactTech(), row.contactBilling(), row.ownerContactId(), row.ownerName(), row.ownerOrganisation(),
				row.gone());
	}

	private static Long parseLong(String value) {
		try {
			return (value != null && !value.isBlank()) ? Long.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
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
