package io.domaindesk.clients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.domaindesk.domains.Inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the client list and one client. Sorting and search use the figures stored at the
 * last grouping (indexed, so the first page of 30,000 clients costs an index range); the
 * figures shown for the page's rows are read live from the inventory.
 */
@Component
class ClientList {

	private final JdbcClient jdbc;

	private final Inventory inventory;

	ClientList(JdbcClient jdbc, Inventory inventory) {
		this.jdbc = jdbc;
		this.inventory = inventory;
	}

	/** A client as the list and its page show it. */
	record Row(long id, String name, String email, String label, int domains, Instant nextExpiry, int pendingOperations,
			int consentsWaiting) {

	}

	record Page(List<Row> rows, long total, ClientFilter filter) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.filter.size() - 1) / this.filter.size());
		}

		public long firstIndex() {
			return this.rows.isEmpty() ? 0 : this.filter.offset() + 1;
		}

		public long lastIndex() {
			return this.filter.offset() + this.rows.size();
		}

	}

	private record Stored(long id, String name, String email, String label, int domainCount, Instant nextExpiry) {

	}

	@Transactional(readOnly = true)
	Page page(long agencyId, ClientFilter filter) {
		String where = "c.agency_id = :agency" + ((filter.q() != null) ? " and c.search_text like :q escape '\\'" : "");
		Map<String, Object> params = new HashMap<>();
		params.put("agency", agencyId);
		if (filter.q() != null) {
			params.put("q", "%"
					+ ClientIdentity.normalise(filter.q()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%");
		}
		long total = this.jdbc.sql("select count(*) from client c where " + where)
			.params(params)
			.query(Long.class)
			.single();
		String direction = filter.dir().equals("desc") ? " desc" : " asc";
		List<Stored> stored = this.jdbc
			.sql("select c.id, c.name, c.email, c.label, c.domain_count, c.next_expiry from client c where " + where
					+ " order by " + ClientFilter.SORTS.get(filter.sort()) + direction + " nulls last, c.id" + direction
					+ " limit :limit offset :offset")
			.params(params)
			.param("limit", filter.size())
			.param("offset", filter.offset())
			.query(Stored.class)
			.list();
		return new Page(withFigures(agencyId, stored), total, filter);
	}

	@Transactional(readOnly = true)
	Optional<Row> find(long agencyId, long clientId) {
		return this.jdbc.sql("""
				select c.id, c.name, c.email, c.label, c.domain_count, c.next_expiry from client c
				where c.agency_id = :agency and c.id = :id
				""")
			.param("agency", agencyId)
			.param("id", clientId)
			.query(Stored.class)
			.optional()
			.map(s -> withFigures(agencyId, List.of(s)).get(0));
	}

	private List<Row> withFigures(long agencyId, List<Stored> stored) {
		List<Long> ids = stored.stream().map(Stored::id).toList();
		Map<Long, Inventory.ClientFigures> figures = this.inventory.clientFigures(agencyId, ids);
		Map<Long, Integer> waiting = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("""
					select client_id, count(*) from consent_request
					where agency_id = :agency and client_id in (:ids) and status = 'PENDING' and expires_at > now()
					group by client_id
					""").param("agency", agencyId).param("ids", ids).query(rs -> {
				waiting.put(rs.getLong(1), rs.getInt(2));
			});
		}
		List<Row> rows = new ArrayList<>(stored.size());
		for (Stored s : stored) {
			Inventory.ClientFigures f = figures.get(s.id());
			rows.add(new Row(s.id(), s.name(), s.email(), s.label(), (f != null) ? f.domains() : 0,
					(f != null) ? f.nextExpiry() : null, (f != null) ? f.pendingOperations() : 0,
					waiting.getOrDefault(s.id(), 0)));
		}
		return rows;
	}

}
