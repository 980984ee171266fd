package io.domaindesk.domains;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a {@link DomainFilter} into SQL, always scoped to one agency. Built by hand
 * rather than with a criteria API because each shape must land on an index (V6_1), and
 * the benchmark holds every shape to 50 ms on 100,000 domains per agency:
 * <ul>
 * <li>the count stops at {@link #COUNT_LIMIT} ("10,000+"): an exact count of a broad
 * search costs a scan of every match;</li>
 * <li>pages are found by keyset ({@code after}/{@code before} a domain, or the last page
 * read from the other end), on one index per sort order, so page 4,000 costs what page 1
 * costs;</li>
 * <li>search goes through {@code domain_search_grams}: the agency's 1-, 2- and
 * 3-character pieces of the accent-free text, so "a" and "ca" are answered from an index
 * too, and a search never reads another agency's rows;</li>
 * <li>when the count is exact (at most 10,000 matches), the matches are collected and
 * sorted; otherwise they are dense enough that walking the sort order finds a page
 * quickly. Left to itself the planner walks the sort order for rare matches that happen
 * to sit together at its far end (every "xn--" name), reading most of the agency.</li>
 * </ul>
 */
@Component
class DomainSearch {

	/** Counts stop here: "10,000+" is as useful as an exact figure and costs far less. */
	static final int COUNT_LIMIT = 10_000;

	private static final int MAX_GRAMS = 12;

	private final JdbcClient jdbc;

	DomainSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of the list. {@code total} is exact unless {@code capped};
	 * {@code hasPrevious} and {@code hasNext} say whether there is anything before the
	 * first row and after the last.
	 */
	record Page(List<DomainRow> rows, long total, boolean capped, DomainFilter filter, boolean hasPrevious,
			boolean hasNext) {

		/** Page numbers, known only when paging by offset with an exact count. */
		public int pages() {
			return (int) Math.max(1, (this.total + this.filter.size() - 1) / this.filter.size());
		}

		public boolean numbered() {
			return !this.capped && !this.filter.keyset();
		}

		public long firstIndex() {
			return this.rows.isEmpty() ? 0 : this.filter.offset() + 1;
		}

		public long lastIndex() {
			return this.filter.offset() + this.rows.size();
		}

		public DomainFilter previous() {
			if (!this.filter.keyset() && this.filter.page() > 1) {
				return this.filter.withPage(this.filter.page() - 1);
			}
			return this.rows.isEmpty() ? this.filter.firstPage() : this.filter.beforeName(this.rows.get(0).name());
		}

		public DomainFilter next() {
			return this.rows.isEmpty() ? this.filter.lastPage()
					: this.filter.afterName(this.rows.get(this.rows.size() - 1).name());
		}

	}

	/** A sort order: the key each index holds, and its SQL type for the cursor. */
	private record Order(String ascKey, String descKey, String type) {

		String key(boolean desc) {
			return desc ? this.descKey : this.ascKey;
		}

	}

	// Expiry keeps domains without a date (pending creation) last in both directions:
	// each
	// direction has its own index with the matching stand-in for null (V6_1).
	private static final Map<String, Order> ORDERS = Map.of("name",
			new Order("d.unicode_name", "d.unicode_name", "text"), "expiry",
			new Order("coalesce(d.expires_at, 'infinity'::timestamptz)",
					"coalesce(d.expires_at, '-infinity'::timestamptz)", "timestamptz"),
			"state", new Order("coalesce(d.state, '')", "coalesce(d.state, '')", "text"));

	/**
	 * One SQL statement with its parameters, as the list runs it (and tests explain it).
	 */
	record Statement(String sql, Map<String, Object> params) {

		JdbcClient.StatementSpec on(JdbcClient jdbc) {
			return jdbc.sql(this.sql).params(this.params);
		}

	}

	/** The statements of one page, chosen as {@link #page} chooses them. */
	record Plan(Statement count, long counted, Statement page, boolean cursorGone) {

	}

	@Transactional(readOnly = true)
	Page page(long agencyId, DomainFilter filter) {
		// The same statement text serves rare and dense searches: a plan cached for one
		// would be wrong for the other.
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		Plan plan = plan(agencyId, filter, COUNT_LIMIT);
		if (plan.cursorGone()) {
			// A domain gone from the inventory since: start again from the top.
			return page(agencyId, filter.firstPage());
		}
		boolean capped = plan.counted() > COUNT_LIMIT;
		long total = Math.min(plan.counted(), COUNT_LIMIT);
		List<DomainRow> rows = new ArrayList<>(plan.page().on(this.jdbc).query(DomainRow.class).list());
		boolean more = rows.size() > filter.size();
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (!filter.keyset()) {
			return new Page(rows, total, capped, filter, filter.page() > 1, more);
		}
		if (filter.after() != null) {
			return new Page(rows, total, capped, filter, true, more);
		}
		Collections.reverse(rows);
		if (filter.before() != null && !more) {
			// Reached the top: show the first page as it is, full.
			return page(agencyId, filter.firstPage());
		}
		return new Page(rows, total, capped, filter, more, filter.before() != null);
	}

	/**
	 * Counts, then chooses the page's statement. A search the planner expects to match
	 * more than {@code limit} rows is written with LIKE alone: the matches are dense,
	 * walking the sort order finds a page at once, and the index would only make it fetch
	 * them all. Any other search is written with the index's pieces alone, whose
	 * statistics the planner reads right (LIKE beside them would be counted twice and
	 * make "a" look five times rarer than it is).
	 */
	Plan plan(long agencyId, DomainFilter filter, int limit) {
		Statement count = countStatement(agencyId, filter, limit);
		long counted = count.on(this.jdbc).query(Long.class).single();
		String cursor = (filter.after() != null) ? filter.after() : filter.before();
		String cursorKey = null;
		if (cursor != null) {
			Optional<String> key = cursorKey(agencyId, filter, cursor);
			if (key.isEmpty()) {
				return new Plan(count, counted, null, true);
			}
			cursorKey = key.get();
		}
		boolean capped = counted > limit;
		// Collecting costs a read of every match; walking, a read of every row up to the
		// page's last match, which for a search clustered in the sort order (every "xn--"
		// name) can be most of the agency. Walk only when matches are so dense that they
		// cannot all sit far away: three times the limit (30 % of 100,000).
		boolean searching = !DomainNames.searchKey(filter.q()).isEmpty() && !filter.gone();
		boolean walk = capped && searching && estimatedMatches(agencyId, filter) > 3L * limit;
		// Without a search, a capped count leaves the choice to the planner, whose
		// estimates of the other filters are right.
		boolean collect = !capped || (searching && !walk);
		return new Plan(count, counted, pageStatement(agencyId, filter, collect, cursorKey, walk), false);
	}

	/**
	 * How many of the agency's domains the planner expects the search to match, from the
	 * statistics of the index's pieces (a plan, not a count: about a millisecond).
	 */
	long estimatedMatches(long agencyId, DomainFilter filter) {
		if (DomainNames.searchKey(filter.q()).isEmpty() || filter.gone()) {
			return 0;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String plan = String.join("\n", this.jdbc
			// Without the agency: its id is in every piece, the planner would count it
			// twice.
			.sql("explain select 1 from domain d where " + grams(agencyId, DomainNames.searchKey(filter.q()), params))
			.params(params)
			.query(String.class)
			.list());
		Matcher rows = PLAN_ROWS.matcher(plan);
		return rows.find() ? Long.parseLong(rows.group(1)) : 0;
	}

	private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");

	/**
	 * The count, stopped at one more than {@code limit}. A search counts through the
	 * index's pieces, which stops after {@code limit} rows read. Without one, in the
	 * list's order: unordered, the planner may read the table from its start hoping to
	 * meet the agency's rows early, when they sit together at its end (a sync writes an
	 * agency's domains at once).
	 */
	Statement countStatement(long agencyId, DomainFilter filter, int limit) {
		Where where = where(agencyId, filter, false);
		boolean searching = !DomainNames.searchKey(filter.q()).isEmpty() && !filter.gone();
		return new Statement(
				"select count(*) from (select 1 from domain d where " + where.sql
						+ (searching ? "" : " order by " + orderBy(filter, false)) + " limit " + (limit + 1) + ") c",
				where.params);
	}

	/**
	 * The page's statement, one row more than the page to know whether there is a next.
	 * Collecting (when the count is exact) puts the matches behind an {@code offset 0}
	 * fence, so the planner fetches them by their most selective index and sorts them,
	 * instead of walking the sort order in the hope that matches come early.
	 */
	Statement pageStatement(long agencyId, DomainFilter filter, boolean collect, String cursorKey, boolean likeOnly) {
		Where where = where(agencyId, filter, likeOnly);
		boolean desc = filter.dir().equals("desc");
		boolean backwards = filter.before() != null || filter.last();
		String condition = where.sql;
		if (cursorKey != null) {
			// Row comparison, so that the sort index serves it as a range.
			Order order = ORDERS.get(filter.sort());
			condition += " and (" + order.key(desc) + ", d.name) " + ((desc == backwards) ? ">" : "<")
					+ " (cast(:cursorKey as " + order.type() + "), :cursorName)";
			where.params.put("cursorKey", cursorKey);
			where.params.put("cursorName", (filter.after() != null) ? filter.after() : filter.before());
		}
		String matches = "select " + DomainRow.COLUMNS + " from domain d where " + condition;
		String orderBy = orderBy(filter, backwards);
		String sql = collect ? "select * from (" + matches + " offset 0) d order by " + orderBy
				: matches + " order by " + orderBy;
		where.params.put("limit", filter.size() + 1);
		if (filter.keyset()) {
			return new Statement(sql + " limit :limit", where.params);
		}
		where.params.put("offset", filter.offset());
		return new Statement(sql + " limit :limit offset :offset", where.params);
	}

	/**
	 * The sort key of the cursor's domain, as text (cast back by the page's statement).
	 */
	Optional<String> cursorKey(long agencyId, DomainFilter filter, String name) {
		String key = ORDERS.get(filter.sort()).key(filter.dir().equals("desc"));
		return this.jdbc.sql("select (" + key + ")::text from domain d where d.agency_id = :agency and d.name = :name")
			.param("agency", agencyId)
			.param("name", name)
			.query(String.class)
			.optional();
	}

	/**
	 * Streams every matching row without paging, for exports; the caller must consume the
	 * stream inside a transaction.
	 */
	void forEach(long agencyId, DomainFilter filter, Consumer<DomainRow> consumer) {
		Where where = where(agencyId, filter, false);
		String sql = "select " + DomainRow.COLUMNS + " from domain d where " + where.sql + " order by "
				+ orderBy(filter, false);
		try (Stream<DomainRow> rows = where.bind(this.jdbc.sql(sql)).query(DomainRow.class).stream()) {
			rows.forEach(consumer);
		}
	}

	/** The TLDs in use, for the filter's choices. */
	@Transactional(readOnly = true)
	List<String> tlds(long agencyId) {
		return distinct(agencyId, "tld");
	}

	/** The states in use, for the filter's choices. */
	@Transactional(readOnly = true)
	List<String> states(long agencyId) {
		return distinct(agencyId, "state");
	}

	/**
	 * The distinct values of an indexed column, by skipping through the index (a "loose
	 * index scan") instead of reading every row: a handful of index probes for 100,000
	 * domains instead of a full scan on every page view.
	 */
	private List<String> distinct(long agencyId, String column) {
		return this.jdbc.sql("""
				with recursive v(value) as (
				  (select %1$s from domain where agency_id = :agency and %1$s is not null order by %1$s limit 1)
				  union all
				  select (select %1$s from domain where agency_id = :agency and %1$s > v.value order by %1$s limit 1)
				  from v where v.value is not null)
				select value from v where value is not null
				""".formatted(column)).param("agency", agencyId).query(String.class).list();
	}

	/** The list's order, or its reverse (to read the last page first). */
	private static String orderBy(DomainFilter filter, boolean reverse) {
		boolean desc = filter.dir().equals("desc");
		String direction = (desc != reverse) ? " desc" : " asc";
		return ORDERS.get(filter.sort()).key(desc) + direction + ", d.name" + direction;
	}

	private static Where where(long agencyId, DomainFilter filter, boolean likeOnly) {
		List<String> clauses = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		clauses.add("d.agency_id = :agency");
		params.put("agency", agencyId);
		clauses.add(filter.gone() ? "d.gone_at is not null" : "d.gone_at is null");
		String key = DomainNames.searchKey(filter.q());
		if (!key.isEmpty()) {
			boolean shortSearch = key.codePointCount(0, key.length()) <= 3;
			if (!likeOnly) {
				clauses.add(grams(agencyId, key, params));
			}
			// For a short search the pieces are exact: LIKE would only skew the estimate.
			if (likeOnly || !shortSearch) {
				clauses.add("d.search_text like :q escape '\\'");
				params.put("q", "%" + escapeLike(key) + "%");
			}
		}
		if (filter.nic() != null) {
			if (filter.nicRole() == NicRole.ANY) {
				clauses.add("(d.contact_admin = :nic or d.contact_tech = :nic or d.contact_billing = :nic)");
			}
			else {
				clauses.add("d." + filter.nicRole().column() + " = :nic");
			}
			params.put("nic", filter.nic());
		}
		if (filter.tld() != null) {
			clauses.add("d.tld = :tld");
			params.put("tld", DomainNames.toAscii(filter.tld()));
		}
		boolean sortedByState = filter.sort().equals("state") && !filter.gone();
		if (filter.state() != null) {
			// Written as the state sort's index key when sorting by state, so that the
			// index serves both.
			clauses.add(sortedByState ? "coalesce(d.state, '') = :state" : "d.state = :state");
			params.put("state", filter.state());
		}
		if (filter.expiresWithin() != null) {
			boolean sortedByExpiry = filter.sort().equals("expiry") && !filter.gone();
			if (!sortedByExpiry) {
				clauses.add("d.expires_at <= :expiresBefore");
			}
			else if (filter.dir().equals("desc")) {
				clauses.add("coalesce(d.expires_at, '-infinity'::timestamptz) > '-infinity'::timestamptz"
						+ " and coalesce(d.expires_at, '-infinity'::timestamptz) <= :expiresBefore");
			}
			else {
				clauses.add("coalesce(d.expires_at, 'infinity'::timestamptz) <= :expiresBefore");
			}
			params.put("expiresBefore", Timestamp.from(Instant.now().plus(filter.expiresWithin(), ChronoUnit.DAYS)));
		}
		if (filter.pending()) {
			clauses.add("d.pending_operations > 0");
		}
		if (filter.drift()) {
			clauses.add("d.external_change_at is not null");
		}
		if (filter.client() != null) {
			// Served by domain_agency_client_ix (agency first, like every list index).
			clauses.add("d.client_id = :client");
			params.put("client", filter.client());
		}
		return new Where(String.join(" and ", clauses), params);
	}

	/**
	 * The condition on the index's pieces (V6_1) for a search: the text itself up to
	 * three characters, its three-character pieces beyond; each piece is the agency's id,
	 * a colon and up to three characters (code points).
	 */
	private static String grams(long agencyId, String key, Map<String, Object> params) {
		List<String> grams = grams(agencyId, key);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < grams.size(); i++) {
			names.add(":gram" + i);
			params.put("gram" + i, grams.get(i));
		}
		return "domain_search_grams(d.agency_id, d.search_text) @> array[" + String.join(", ", names) + "]::text[]";
	}

	/**
	 * The index elements a search needs, as {@code domain_search_grams} (V6_1) makes
	 * them: the agency's id, a colon, and a piece of at most three characters (code
	 * points).
	 */
	static List<String> grams(long agencyId, String key) {
		int[] points = key.codePoints().toArray();
		if (points.length <= 3) {
			return List.of(agencyId + ":" + key);
		}
		// Any subset of the pieces finds every match (LIKE checks the rest): a long
		// search
		// needs no more than a few.
		return IntStream.rangeClosed(0, points.length - 3)
			.mapToObj(i -> agencyId + ":" + new String(points, i, 3))
			.distinct()
			.limit(MAX_GRAMS)
			.toList();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private record Where(String sql, Map<String, Object> params) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.params(this.params);
		}

	}

}
