package io.domaindesk.domains;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.ContactSummary;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.DomainService;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what OVHcloud answered into the inventory, one page per transaction (never
 * around an OVHcloud call), and notices contacts that changed without DomainDesk asking
 * for it.
 */
@Component
class InventoryWriter {

	/** An owner contact as the inventory keeps it: only what search and display need. */
	record Owner(String name, String organisation, String email, String legalForm) {

		/**
		 * What the inventory keeps of an OVHcloud owner contact, bounded to its columns.
		 */
		static Owner of(DomainContact contact) {
			String name = ((contact.firstName() != null) ? contact.firstName() : "") + " "
					+ ((contact.lastName() != null) ? contact.lastName() : "");
			return new Owner(name.isBlank() ? null : name.strip(), contact.organisationName(),
					truncate(contact.email(), 255),
					(contact.legalForm() != null) ? truncate(contact.legalForm().value(), 32) : null);
		}

		private static String truncate(String value, int max) {
			return (value == null || value.length() <= max) ? value : value.substring(0, max);
		}

	}

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final AuditLog audit;

	InventoryWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch, AuditLog audit) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.audit = audit;
	}

	private record Known(long id, String contactAdmin, String contactTech, String contactBilling, String ownerContactId,
			Instant goneAt) {

	}

	/** Upserts a page of domains and returns how many external changes it found. */
	@Transactional
	int write(long agencyId, long accountId, List<DomainService> page, Map<String, Owner> owners,
			Map<String, Integer> pending, Instant syncedAt) {
		List<String> names = page.stream().map(DomainService::domain).toList();
		Map<String, Known> known = new HashMap<>();
		this.jdbc.sql("""
				select name, id, contact_admin, contact_tech, contact_billing, owner_contact_id, gone_at
				from domain where agency_id = :agency and name in (:names)
				""").param("agency", agencyId).param("names", names).query((rs, n) -> {
			known.put(rs.getString("name"),
					new Known(rs.getLong("id"), rs.getString("contact_admin"), rs.getString("contact_tech"),
							rs.getString("contact_billing"), rs.getString("owner_contact_id"),
							(rs.getTimestamp("gone_at") != null) ? rs.getTimestamp("gone_at").toInstant() : null));
			return null;
		}).list();

		List<SqlParameterSource> rows = new ArrayList<>(page.size());
		int drifts = 0;
		for (DomainService domain : page) {
			String name = domain.domain();
			String unicode = DomainNames.toUnicode(name);
			String ownerId = id(domain.contactOwner());
			Owner owner = owners.getOrDefault(ownerId, new Owner(null, null, null, null));
			Known before = known.get(name);
			boolean drift = false;
			if (before != null) {
				drift |= drift(agencyId, before, name, "contactAdmin", before.contactAdmin(),
						id(domain.contactAdmin()));
				drift |= drift(agencyId, before, name, "contactTech", before.contactTech(), id(domain.contactTech()));
				drift |= drift(agencyId, before, name, "contactBilling", before.contactBilling(),
						id(domain.contactBilling()));
				drift |= !Objects.equals(before.ownerContactId(), ownerId)
						&& !expectedOwnerCopy(agencyId, name, ownerId, owners)
						&& drift(agencyId, before, name, "owner", before.ownerContactId(), ownerId);
			}
			drifts += drift ? 1 : 0;
			rows.add(new MapSqlParameterSource().addValue("agency", agencyId)
				.addValue("account", accountId)
				.addValue("name", name)
				.addValue("unicode", unicode)
				.addValue("tld", DomainNames.tld(name))
				.addValue("state", (domain.state() != null) ? domain.state().value() : null)
				.addValue("suspension", domain.suspensionState())
				.addValue("expires", timestamp(domain.expirationDate()))
				.addValue("renewal", timestamp(domain.renewalDate()))
				.addValue("renewalState", (domain.renewalState() != null) ? domain.renewalState().value() : null)
				.addValue("admin", id(domain.contactAdmin()))
				.addValue("tech", id(domain.contactTech()))
				.addValue("billing", id(domain.contactBilling()))
				.addValue("ownerId", ownerId)
				.addValue("ownerName", owner.name())
				.addValue("ownerOrganisation", owner.organisation())
				.addValue("ownerEmail", owner.email())
				.addValue("ownerLegalForm", owner.legalForm())
				.addValue("pending", pending.getOrDefault(name, 0))
				.addValue("drift", drift)
				.addValue("syncedAt", Timestamp.from(syncedAt))
				.addValue("search", DomainNames.searchText(name, unicode)));
		}
		this.batch.batchUpdate("""
				insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, state, suspension_state,
				  expires_at, renewal_at, renewal_state, contact_admin, contact_tech, contact_billing,
				  owner_contact_id, owner_name, owner_organisation, owner_email, owner_legal_form, pending_operations,
				  last_synced_at, search_text, external_change_at, gone_at)
				values (:agency, :account, :name, :unicode, :tld, :state, :suspension, :expires, :renewal,
				  :renewalState, :admin, :tech, :billing, :ownerId, :ownerName, :ownerOrganisation, :ownerEmail,
				  :ownerLegalForm, :pending,
				  :syncedAt, :search, null, null)
				on conflict (agency_id, name) do update set
				  ovh_account_id = excluded.ovh_account_id, unicode_name = excluded.unicode_name,
				  state = excluded.state, suspension_state = excluded.suspension_state,
				  expires_at = excluded.expires_at, renewal_at = excluded.renewal_at,
				  renewal_state = excluded.renewal_state, contact_admin = excluded.contact_admin,
				  contact_tech = excluded.contact_tech, contact_billing = excluded.contact_billing,
				  owner_contact_id = excluded.owner_contact_id, owner_name = excluded.owner_name,
				  owner_organisation = excluded.owner_organisation, owner_email = excluded.owner_email,
				  owner_legal_form = excluded.owner_legal_form, pending_operations = excluded.pending_operations,
				  last_synced_at = excluded.last_synced_at, search_text = excluded.search_text, gone_at = null,
				  external_change_at = case when :drift then now() else domain.external_change_at end
				""", rows.toArray(SqlParameterSource[]::new));
		return drifts;
	}

	/**
	 * Domains of this account that the last complete listing did not contain are gone
	 * from OVHcloud.
	 */
	@Transactional
	int markGone(long agencyId, long accountId, Instant syncStartedAt) {
		return this.jdbc.sql("""
				update domain set gone_at = now()
				where agency_id = :agency and ovh_account_id = :account and gone_at is null
				  and (last_synced_at is null or last_synced_at < :started)
				""")
			.param("agency", agencyId)
			.param("account", accountId)
			.param("started", Timestamp.from(syncStartedAt))
			.update();
	}

	/**
	 * A value that changed is drift unless DomainDesk itself asked for exactly that
	 * change (an expected change, consumed here so that it counts once).
	 */
	private boolean drift(long agencyId, Known before, String name, String field, String oldValue, String newValue) {
		if (Objects.equals(oldValue, newValue) || before.goneAt() != null) {
			return false;
		}
		int expected = this.jdbc.sql("""
				delete from domain_expected_change
				where agency_id = :agency and domain_name = :name and field = :field and new_value = :value
				""")
			.param("agency", agencyId)
			.param("name", name)
			.param("field", field)
			.param("value", String.valueOf(newValue))
			.update();
		if (expected > 0) {
			return false;
		}
		this.jdbc.sql("""
				insert into domain_drift (agency_id, domain_id, field, old_value, new_value)
				values (:agency, :domain, :field, :old, :new)
				""")
			.param("agency", agencyId)
			.param("domain", before.id())
			.param("field", field)
			.param("old", oldValue)
			.param("new", newValue)
			.update();
		this.audit.recordAs("ovhcloud-sync", null,
				new AuditEntry(agencyId, "domain.external-change", name,
						Map.of("field", field, "from", String.valueOf(oldValue), "to", String.valueOf(newValue)),
						AuditOutcome.SUCCESS, null));
		return true;
	}

	/**
	 * OVHcloud may complete an owner change with its own copy of the contact DomainDesk
	 * asked for (another id, the same identity): such an owner is the expected change,
	 * not drift. Consumes the expectation it matches.
	 */
	private boolean expectedOwnerCopy(long agencyId, String name, String ownerId, Map<String, Owner> owners) {
		Owner seen = owners.get(ownerId);
		if (seen == null || (seen.name() == null && seen.organisation() == null)) {
			return false;
		}
		List<String> expected = this.jdbc.sql("""
				select new_value from domain_expected_change
				where agency_id = :agency and domain_name = :name and field = 'owner'
				""").param("agency", agencyId).param("name", name).query(String.class).list();
		for (String value : expected) {
			if (!value.equals(ownerId) && seen.equals(owners.get(value))) {
				this.jdbc.sql("""
						delete from domain_expected_change
						where agency_id = :agency and domain_name = :name and field = 'owner' and new_value = :value
						""").param("agency", agencyId).param("name", name).param("value", value).update();
				return true;
			}
		}
		return false;
	}

	private static String id(ContactSummary summary) {
		return (summary != null) ? summary.id() : null;
	}

	private static Timestamp timestamp(OffsetDateTime time) {
		return (time != null) ? Timestamp.from(time.toInstant()) : null;
	}

}
