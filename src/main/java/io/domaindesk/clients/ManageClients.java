package io.domaindesk.clients;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's own decisions about clients: a label, a merge of two clients, a split of some
 * domains into a new client. They are stored as identities and pins, which the grouping
 * after every sync honours.
 */
@Component
class ManageClients {

	static final int MAX_LABEL = 100;

	private final JdbcClient jdbc;

	private final Inventory inventory;

	private final AuditLog audit;

	ManageClients(JdbcClient jdbc, Inventory inventory, AuditLog audit) {
		this.jdbc = jdbc;
		this.inventory = inventory;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	void label(long agencyId, long clientId, String label) {
		String clean = (label == null || label.isBlank()) ? null : ClientIdentity.cut(label.strip(), MAX_LABEL);
		ClientGrouping.lock(this.jdbc, agencyId);
		this.jdbc.sql("""
				update client set label = :label,
				  search_text = :search
				where agency_id = :agency and id = :id
				""")
			.param("label", clean)
			.param("search", ClientGrouping.searchText(name(agencyId, clientId), clean, email(agencyId, clientId)))
			.param("agency", agencyId)
			.param("id", clientId)
			.update();
		this.audit.record(AuditEntry.of(agencyId, "client.label", AuditOutcome.SUCCESS,
				labelled(Map.of("clientId", clientId), clean)));
	}

	/**
	 * Everything of {@code source} (identities, pins, domains, consents) moves to target.
	 */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	void merge(long agencyId, long targetId, long sourceId) {
		if (targetId == sourceId) {
			return;
		}
		ClientGrouping.lock(this.jdbc, agencyId);
		String sourceLabel = this.jdbc.sql("select label from client where agency_id = :agency and id = :id")
			.param("agency", agencyId)
			.param("id", sourceId)
			.query(String.class)
			.optional()
			.orElse(null);
		for (String table : List.of("client_identity", "client_pin", "consent_request")) {
			this.jdbc.sql("update " + table + " set client_id = :to where agency_id = :agency and client_id = :from")
				.param("to", targetId)
				.param("agency", agencyId)
				.param("from", sourceId)
				.update();
		}
		this.inventory.moveClient(agencyId, sourceId, targetId);
		this.jdbc.sql("update client set label = coalesce(label, :label) where agency_id = :agency and id = :id")
			.param("label", sourceLabel)
			.param("agency", agencyId)
			.param("id", targetId)
			.update();
		this.jdbc.sql("delete from client where agency_id = :agency and id = :id")
			.param("agency", agencyId)
			.param("id", sourceId)
			.update();
		refresh(agencyId, List.of(targetId));
		this.audit.record(AuditEntry.of(agencyId, "client.merge", AuditOutcome.SUCCESS,
				Map.of("clientId", targetId, "mergedClientId", sourceId)));
	}

	/**
	 * Moves some of a client's domains to a new client. An identity whose domains all
	 * move goes with them (its future domains too); otherwise the moved domains are
	 * pinned while their owner keeps this identity.
	 * @return the new client's id, or {@code null} when none of the names is the client's
	 */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	Long split(long agencyId, long clientId, Set<String> domainNames, String label) {
		ClientGrouping.lock(this.jdbc, agencyId);
		Map<String, List<String>> chosenByKey = new HashMap<>();
		Map<String, Integer> allByKey = new HashMap<>();
		List<Inventory.OwnerIdentity> chosen = new ArrayList<>();
		this.inventory.forEachOwner(agencyId, owner -> {
			if (owner.clientId() == null || owner.clientId() != clientId) {
				return;
			}
			String key = ClientIdentity.of(owner).key();
			allByKey.merge(String.valueOf(key), 1, Integer::sum);
			if (domainNames.contains(owner.domain())) {
				chosen.add(owner);
				chosenByKey.computeIfAbsent(String.valueOf(key), k -> new ArrayList<>()).add(owner.domain());
			}
		});
		if (chosen.isEmpty()) {
			return null;
		}
		ClientIdentity first = ClientIdentity.of(chosen.get(0));
		String clean = (label == null || label.isBlank()) ? null : ClientIdentity.cut(label.strip(), MAX_LABEL);
		String name = (first.name() != null) ? first.name() : clean;
		long newId = this.jdbc.sql("""
				insert into client (agency_id, name, email, label, sort_name, search_text)
				values (:agency, :name, :email, :label, :sort, :search) returning id
				""")
			.param("agency", agencyId)
			.param("name", (name != null) ? name : "?")
			.param("email", first.email())
			.param("label", clean)
			.param("sort", ClientIdentity.cut(ClientIdentity.normalise(name), 255))
			.param("search", ClientGrouping.searchText(name, clean, first.email()))
			.query(Long.class)
			.single();
		Set<String> movedKeys = new HashSet<>();
		chosenByKey.forEach((key, names) -> {
			if (names.size() == allByKey.get(key) && !"null".equals(key)) {
				movedKeys.add(key);
			}
		});
		for (String key : movedKeys) {
			this.jdbc.sql("""
					update client_identity set client_id = :to
					where agency_id = :agency and identity_key = :key and client_id = :from
					""")
				.param("to", newId)
				.param("agency", agencyId)
				.param("key", key)
				.param("from", clientId)
				.update();
		}
		Map<Long, Long> moves = new HashMap<>();
		for (Inventory.OwnerIdentity owner : chosen) {
			String key = ClientIdentity.of(owner).key();
			moves.put(owner.domainId(), newId);
			if (!movedKeys.contains(String.valueOf(key)) && key != null) {
				this.jdbc.sql("""
						insert into client_pin (agency_id, domain_name, identity_key, client_id)
						values (:agency, :domain, :key, :client)
						on conflict (agency_id, domain_name)
						do update set identity_key = excluded.identity_key, client_id = excluded.client_id
						""")
					.param("agency", agencyId)
					.param("domain", owner.domain())
					.param("key", key)
					.param("client", newId)
					.update();
			}
		}
		this.inventory.assignClients(agencyId, moves);
		refresh(agencyId, List.of(clientId, newId));
		this.audit.record(AuditEntry.of(agencyId, "client.split", AuditOutcome.SUCCESS,
				labelled(Map.of("clientId", clientId, "newClientId", newId, "domains", chosen.size()), clean)));
		return newId;
	}

	/** The stored figures the list sorts by, after staff moved domains. */
	private void refresh(long agencyId, List<Long> clientIds) {
		Map<Long, Inventory.ClientFigures> figures = this.inventory.clientFigures(agencyId, clientIds);
		for (Long id : clientIds) {
			Inventory.ClientFigures f = figures.get(id);
			this.jdbc
				.sql("""
						update client set domain_count = :count, next_expiry = :expiry where agency_id = :agency and id = :id
						""")
				.param("count", (f != null) ? f.domains() : 0)
				.param("expiry", (f != null && f.nextExpiry() != null) ? java.sql.Timestamp.from(f.nextExpiry()) : null)
				.param("agency", agencyId)
				.param("id", id)
				.update();
		}
	}

	private String name(long agencyId, long clientId) {
		return this.jdbc.sql("select name from client where agency_id = :agency and id = :id")
			.param("agency", agencyId)
			.param("id", clientId)
			.query(String.class)
			.optional()
			.orElse("");
	}

	private String email(long agencyId, long clientId) {
		return this.jdbc.sql("select email from client where agency_id = :agency and id = :id")
			.param("agency", agencyId)
			.param("id", clientId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static Map<String, Object> labelled(Map<String, Object> details, String label) {
		Map<String, Object> all = new HashMap<>(details);
		if (label != null) {
			all.put("label", label);
		}
		return all;
	}

}
