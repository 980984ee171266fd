package io.domaindesk.clients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.domaindesk.domains.Inventory;
import io.domaindesk.domains.InventorySynced;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files every domain under its client at the end of each sync. Staff decisions win over
 * identities: a domain pinned to a client by a split stays there while its owner keeps
 * the identity it had, and an identity repointed by a merge stays merged. Everything is
 * read in one pass and only what changed is written, so a sync that changed no owner
 * writes (almost) nothing here.
 */
@Component
class ClientGrouping {

	private static final Logger log = LoggerFactory.getLogger(ClientGrouping.class);

	/**
	 * Advisory lock namespace ("CLNT"): one grouping or staff edit per agency at once.
	 */
	static final int LOCK_NAMESPACE = 1129074260;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Inventory inventory;

	ClientGrouping(JdbcClient jdbc, JdbcTemplate batch, Inventory inventory) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.inventory = inventory;
	}

	/**
	 * A grouping that fails is logged, never fails the sync: the previous grouping stays,
	 * and the next sync tries again.
	 */
	@EventListener
	void synced(InventorySynced event) {
		try {
			regroup(event.agencyId());
		}
		catch (RuntimeException ex) {
			log.error("Grouping the clients of agency {} failed", event.agencyId(), ex);
		}
	}

	/**
	 * A pin made by staff wins while the owner keeps the identity it was pinned with;
	 * otherwise the identity's client, or none for an owner without identity. (Written
	 * out rather than as one conditional: a primitive pin id made the conditional unbox a
	 * missing identity into a NullPointerException.)
	 */
	private static Long target(Pin pin, ClientIdentity identity, Map<String, Long> identities) {
		if (pin != null && Objects.equals(pin.identityKey(), identity.key())) {
			return pin.clientId();
		}
		return (identity.key() != null) ? identities.get(identity.key()) : null;
	}

	private record Seen(long domainId, String domain, ClientIdentity identity, Long currentClient, Instant expiresAt) {

	}

	private record Pin(String identityKey, long clientId) {

	}

	private record Summary(int count, Instant nextExpiry) {

	}

	@Transactional
	void regroup(long agencyId) {
		lock(this.jdbc, agencyId);
		Map<String, Long> identities = new HashMap<>();
		this.jdbc.sql("select identity_key, client_id from client_identity where agency_id = :agency")
			.param("agency", agencyId)
			.query(rs -> {
				identities.put(rs.getString(1), rs.getLong(2));
			});
		Map<String, Pin> pins = new HashMap<>();
		this.jdbc.sql("select domain_name, identity_key, client_id from client_pin where agency_id = :agency")
			.param("agency", agencyId)
			.query(rs -> {
				pins.put(rs.getString(1), new Pin(rs.getString(2), rs.getLong(3)));
			});

		List<Seen> seen = new ArrayList<>();
		Map<String, ClientIdentity> unknown = new LinkedHashMap<>();
		this.inventory.forEachOwner(agencyId, owner -> {
			ClientIdentity identity = ClientIdentity.of(owner);
			seen.add(new Seen(owner.domainId(), owner.domain(), identity, owner.clientId(), owner.expiresAt()));
			if (identity.key() != null && !identities.containsKey(identity.key())) {
				unknown.putIfAbsent(identity.key(), identity);
			}
		});
		Map<String, Long> created = drawIds(unknown);
		identities.putAll(created);

		Map<Long, Long> moves = new HashMap<>();
		Map<Long, Summary> summaries = new HashMap<>();
		for (Seen domain : seen) {
			Pin pin = pins.get(domain.domain());
			Long target = target(pin, domain.identity(), identities);
			if (target == null) {
				continue;
			}
			if (!target.equals(domain.currentClient())) {
				moves.put(domain.domainId(), target);
			}
			summaries.merge(target, new Summary(1, domain.expiresAt()),
					(a, b) -> new Summary(a.count() + b.count(), earliest(a.nextExpiry(), b.nextExpiry())));
		}
		createClients(agencyId, unknown, created, summaries);
		this.inventory.assignClients(agencyId, moves);
		int updated = saveSummaries(agencyId, summaries);
		log.debug("Clients of agency {}: {} domains, {} new clients, {} moved, {} summaries updated", agencyId,
				seen.size(), unknown.size(), moves.size(), updated);
	}

	/** Ids for the new identities' clients, drawn in one round trip. */
	private Map<String, Long> drawIds(Map<String, ClientIdentity> unknown) {
		if (unknown.isEmpty()) {
			return Map.of();
		}
		List<Long> ids = this.jdbc
			.sql("select nextval(pg_get_serial_sequence('client', 'id')) from generate_series(1, :n)")
			.param("n", unknown.size())
			.query(Long.class)
			.list();
		Map<String, Long> drawn = new HashMap<>();
		int i = 0;
		for (String key : unknown.keySet()) {
			drawn.put(key, ids.get(i++));
		}
		return drawn;
	}

	/**
	 * New identities become new clients (30,000 of them on a first sync), each written
	 * once with its figures already counted: written first and counted after, every
	 * client row was written twice, and the second version again went into the trigram
	 * index of the list's search.
	 */
	private void createClients(long agencyId, Map<String, ClientIdentity> unknown, Map<String, Long> ids,
			Map<Long, Summary> summaries) {
		if (unknown.isEmpty()) {
			return;
		}
		List<Object[]> clients = new ArrayList<>(unknown.size());
		List<Object[]> keys = new ArrayList<>(unknown.size());
		for (ClientIdentity identity : unknown.values()) {
			long id = ids.get(identity.key());
			Summary figures = summaries.getOrDefault(id, new Summary(0, null));
			String name = (identity.name() != null) ? identity.name() : identity.key();
			clients.add(new Object[] { id, agencyId, ClientIdentity.cut(name, 255), identity.email(),
					ClientIdentity.cut(ClientIdentity.normalise(name), 255), searchText(name, null, identity.email()),
					figures.count(), (figures.nextExpiry() != null) ? Timestamp.from(figures.nextExpiry()) : null });
			keys.add(new Object[] { agencyId, identity.key(), id });
		}
		this.batch.batchUpdate("""
				insert into client (id, agency_id, name, email, sort_name, search_text, domain_count, next_expiry)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""", clients);
		this.batch.batchUpdate("insert into client_identity (agency_id, identity_key, client_id) values (?, ?, ?)",
				keys);
	}

	/** Writes the count and next expiry of the clients whose figures changed. */
	private int saveSummaries(long agencyId, Map<Long, Summary> summaries) {
		List<Object[]> changed = new ArrayList<>();
		this.jdbc.sql("select id, domain_count, next_expiry from client where agency_id = :agency")
			.param("agency", agencyId)
			.query(rs -> {
				long id = rs.getLong(1);
				Summary now = summaries.getOrDefault(id, new Summary(0, null));
				Timestamp stored = rs.getTimestamp(3);
				Instant storedExpiry = (stored != null) ? stored.toInstant() : null;
				if (rs.getInt(2) != now.count() || !Objects.equals(storedExpiry, now.nextExpiry())) {
					changed.add(new Object[] { now.count(),
							(now.nextExpiry() != null) ? Timestamp.from(now.nextExpiry()) : null, id, agencyId });
				}
			});
		this.batch.batchUpdate("update client set domain_count = ?, next_expiry = ? where id = ? and agency_id = ?",
				changed);
		return changed.size();
	}

	/**
	 * Normalised like the search typed ({@code jean.dupont@} finds "jean dupont example
	 * com").
	 */
	static String searchText(String name, String label, String email) {
		return (ClientIdentity.normalise(name) + " " + ClientIdentity.normalise(label) + " "
				+ ClientIdentity.normalise(email))
			.strip();
	}

	static void lock(JdbcClient jdbc, long agencyId) {
		jdbc.sql("select pg_advisory_xact_lock(:ns, cast(:agency as int))")
			.param("ns", LOCK_NAMESPACE)
			.param("agency", agencyId)
			.query(Object.class)
			.optional();
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

}
