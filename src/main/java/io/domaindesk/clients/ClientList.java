package io.domaindesk.clients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.domaindesk.domains.Inventory;
import io.domaindesk.infrastructure.ListPlanner;

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

	/**
	 * The list's two statements for one filter, with their parameters: the count of the
	 * matches and the page in the chosen order. A page past the middle is read from the
	 * other end of the order (its rows then reversed), so that no page reads more than
	 * half the matches: the last of 1,200 pages reads 25 rows, not 30,000. The plan tests
	 * and the benchmark explain exactly these.
	 */
	record Statements(String count, String page, Map<String, Object> params, boolean reversed) {

	}

	static Statements count(long agencyId, ClientFilter filter) {
		Map<String, Object> params = new HashMap<>();
		return new Statements("select count(*) from client c where " + where(agencyId, filter, params), null, params,
				false);
	}

	static Statements statements(long agencyId, ClientFilter filter, long total) {
		Map<String, Object> params = new HashMap<>();
		String where = where(agencyId, filter, params);
		long offset = filter.offset();
		boolean reversed = offset + filter.size() / 2 > total / 2 && offset < total;
		if (reversed) {
			long end = Math.min(total, offset + filter.size());
			params.put("limit", end - offset);
			params.put("offset", total - end);
		}
		else {
			params.put("limit", filter.size());
			params.put("offset", offset);
		}
		return new Statements("select count(*) from client c where " + where,
				"select c.id, c.name, c.email, c.label, c.domain_count, c.next_expiry from client c where " + where
						+ " order by " + order(filter.sort(), filter.dir().equals("desc") != reversed, reversed)
						+ " limit :limit offset :offset",
				params, reversed);
	}

	private static String where(long agencyId, ClientFilter filter, Map<String, Object> params) {
		params.put("agency", agencyId);
		if (filter.q() == null) {
			return "c.agency_id = :agency";
		}
		params.put("q",
				"%" + ClientIdentity.normalise(filter.q()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
						+ "%");
		return "c.agency_id = :agency and c.search_text like :q escape '\\'";
	}

	/**
	 * Each order as its index (V12_1, V23) stores it, or read backwards: clients without
	 * a next expiry come last in both directions of the list, so first when the list is
	 * read from its end.
	 */
	static String order(String sort, boolean descending, boolean reversed) {
		String column = ClientFilter.SORTS.get(sort);
		String direction = descending ? " desc" : " asc";
		String nulls = sort.equals("expiry") ? (reversed ? " nulls first" : " nulls last") : "";
		return column + direction + nulls + ", c.id" + direction;
	}

	@Transactional(readOnly = true)
	Page page(long agencyId, ClientFilter filter) {
		ListPlanner.settings(this.jdbc);
		Statements count = count(agencyId, filter);
		long total = this.jdbc.sql(count.count()).params(count.params()).query(Long.class).single();
		if (filter.offset() >= total) {
			// An old bookmark past the end: the page is empty, and reading it would walk
			// every match only to skip them all.
			return new Page(List.of(), total, filter);
		}
		Statements statements = statements(agencyId, filter, total);
		List<Stored> stored = new ArrayList<>(
				this.jdbc.sql(statements.page()).params(statements.params()).query(Stored.class).list());
		if (statements.reversed()) {
			Collections.reverse(stored);
		}
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
