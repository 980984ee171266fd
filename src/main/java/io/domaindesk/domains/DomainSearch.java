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
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.domaindesk.infrastructure.ListPlanner;

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

	/**
	 * Counts stop here: "more than 1,000" is as useful as an exact figure and costs a
	 * read of 1,000 rows at most (10,000 cost 10,000 heap reads, 20 to 70 ms on 2 cores).
	 */
	static final int COUNT_LIMIT = 1_000;

	/**
	 * How far a page walks its sort order before collecting the matches instead: a filter
	 * matching more than {@link #COUNT_LIMIT} of the agency's rows fills a page within
	 * this many unless its matches cluster far away.
	 */
	static final int WALK_ROWS = 2_000;

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

	/**
	 * The statements of one page, chosen as {@link #page} chooses them: the walk of the
	 * sort order first when there is one, the collection of the matches when there is no
	 * walk or it stops short. {@code filter} is the page actually read.
	 */
	record Plan(DomainFilter filter, Statement count, long counted, Statement walk, Statement collect,
			boolean cursorGone) {

	}

	@Transactional(readOnly = true)
	Page page(long agencyId, DomainFilter filter) {
		Plan plan = plan(agencyId, filter, COUNT_LIMIT);
		if (plan.cursorGone()) {
			// A domain gone from the inventory since: start again from the top.
			return page(agencyId, filter.firstPage());
		}
		filter = plan.filter();
		boolean capped = plan.counted() > COUNT_LIMIT;
		long total = Math.min(plan.counted(), COUNT_LIMIT);
		List<DomainRow> rows = null;
		if (plan.walk() != null) {
			rows = plan.walk().on(this.jdbc).query(DomainRow.class).list();
			if (rows.size() <= filter.size() && plan.collect() != null) {
				// The walk stopped before a full page: the matches sit far away in this
				// order.
				rows = null;
			}
		}
		if (rows == null) {
			rows = plan.collect().on(this.jdbc).query(DomainRow.class).list();
		}
		rows = new ArrayList<>(rows);
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
	 * Counts, then chooses how to find the page, so that no shape reads much more than a
	 * page and the count's {@code limit} rows:
	 * <ul>
	 * <li>without a filter, the sort order's index is walked from the page's start: a
	 * page read;</li>
	 * <li>when the count is exact (at most {@code limit} matches), the matches are
	 * collected by their most selective index and sorted;</li>
	 * <li>otherwise the sort order is walked, {@link #WALK_ROWS} rows at most, keeping
	 * the matches; matches that dense fill a page within a few hundred rows. Only when
	 * they do not (matches clustered far away in this order) are they collected.</li>
	 * </ul>
	 * Leaving that choice to the planner is what made a search walk most of the agency
	 * for rare matches that happen to sit together at the far end of the order (every CJK
	 * name), or collect and sort 10,000 rows for a page of 25.
	 * <p>
	 * A page number past {@code limit} rows (an old bookmark: numbers are shown only
	 * under an exact count) becomes the last page, read from the other end.
	 */
	Plan plan(long agencyId, DomainFilter filter, int limit) {
		ListPlanner.settings(this.jdbc);
		if (!filter.keyset() && filter.offset() >= limit) {
			filter = filter.lastPage();
		}
		Statement count = countStatement(agencyId, filter, limit);
		long counted = count.on(this.jdbc).query(Long.class).single();
		String cursor = (filter.after() != null) ? filter.after() : filter.before();
		String cursorKey = null;
		if (cursor != null) {
			Optional<String> key = cursorKey(agencyId, filter, cursor);
			if (key.isEmpty()) {
				return new Plan(filter, count, counted, null, null, true);
			}
			cursorKey = key.get();
		}
		Where walking = where(agencyId, filter, true);
		if (walking.filters.isEmpty()) {
			return new Plan(filter, count, counted, walkStatement(walking, filter, cursorKey, false), null, false);
		}
		Statement collect = collectStatement(where(agencyId, filter, false), filter, cursorKey);
		if (counted <= limit) {
			return new Plan(filter, count, counted, null, collect, false);
		}
		return new Plan(filter, count, counted, walkStatement(walking, filter, cursorKey, true), collect, false);
	}

	/**
	 * The count, stopped at one more than {@code limit}, unordered: the planner reads the
	 * matches by their most selective index (the search's pieces, a filter's own index),
	 * not in the list's order, which for a rare filter walks most of the agency.
	 */
	Statement countStatement(long agencyId, DomainFilter filter, int limit) {
		Where where = where(agencyId, filter, false);
		return new Statement(
				"select count(*) from (select 1 from domain d where " + where.all() + " limit " + (limit + 1) + ") c",
				where.params);
	}

	/**
	 * Walks the sort order's index from the page's start, one row more than the page to
	 * know whether there is a next. {@code bounded}: at most {@link #WALK_ROWS} rows
	 * (plus the offset) are read, the filters applied to them.
	 */
	private Statement walkStatement(Where where, DomainFilter filter, String cursorKey, boolean bounded) {
		boolean backwards = filter.before() != null || filter.last();
		String range = where.ranges(cursor(where, filter, cursorKey));
		String orderBy = orderBy(filter, backwards);
		String sql;
		if (bounded) {
			// The sort key is an output column of the walk, so the outer order is the
			// walk's own: the filters stop it as soon as the page is full.
			sql = "select " + DomainRow.COLUMNS + " from (select d.*, " + ORDERS.get(filter.sort()).key(isDesc(filter))
					+ " as sort_key from domain d where " + range + " order by " + orderBy + " limit :scan) d where "
					+ String.join(" and ", where.filters) + " order by "
					+ orderBy.replace(ORDERS.get(filter.sort()).key(isDesc(filter)), "d.sort_key");
			where.params.put("scan", WALK_ROWS + filter.offset());
		}
		else {
			sql = "select " + DomainRow.COLUMNS + " from domain d where " + range + " order by " + orderBy;
		}
		return limited(sql, where, filter);
	}

	/**
	 * Collects every match by its most selective index behind an {@code offset 0} fence,
	 * then sorts them: for matches too few, or too far away, to walk to.
	 */
	private Statement collectStatement(Where where, DomainFilter filter, String cursorKey) {
		boolean backwards = filter.before() != null || filter.last();
		String matches = "select " + DomainRow.COLUMNS + " from domain d where "
				+ where.all(cursor(where, filter, cursorKey));
		return limited("select * from (" + matches + " offset 0) d order by " + orderBy(filter, backwards), where,
				filter);
	}

	/** The keyset condition, as a row comparison the sort index serves as a range. */
	private static String cursor(Where where, DomainFilter filter, String cursorKey) {
		if (cursorKey == null) {
			return null;
		}
		boolean desc = isDesc(filter);
		boolean backwards = filter.before() != null || filter.last();
		Order order = ORDERS.get(filter.sort());
		where.params.put("cursorKey", cursorKey);
		where.params.put("cursorName", (filter.after() != null) ? filter.after() : filter.before());
		return "(" + order.key(desc) + ", d.name) " + ((desc == backwards) ? ">" : "<") + " (cast(:cursorKey as "
				+ order.type() + "), :cursorName)";
	}

	/** One row more than the page, to know whether there is a next. */
	private static Statement limited(String sql, Where where, DomainFilter filter) {
		where.params.put("limit", filter.size() + 1);
		if (filter.keyset()) {
			return new Statement(sql + " limit :limit", where.params);
		}
		where.params.put("offset", filter.offset());
		return new Statement(sql + " limit :limit offset :offset", where.params);
	}

	private static boolean isDesc(DomainFilter filter) {
		return filter.dir().equals("desc");
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
		String sql = "select " + DomainRow.COLUMNS + " from domain d where " + where.all() + " order by "
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

	/**
	 * The conditions of a filter: {@code ranges} are served by the sort order's index
	 * (the agency, gone or not, and a state or expiry filter on its own sort),
	 * {@code filters} are checked on each row. {@code walking}: the search is written
	 * with LIKE alone, to be checked on the rows a walk reads; otherwise with the index's
	 * pieces.
	 */
	private static Where where(long agencyId, DomainFilter filter, boolean walking) {
		List<String> ranges = new ArrayList<>();
		List<String> clauses = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		String key = DomainNames.searchKey(filter.q());
		ranges.add(searchAlone(filter, key, walking) ? "d.agency_id + 0 = :agency" : "d.agency_id = :agency");
		params.put("agency", agencyId);
		ranges.add(filter.gone() ? "d.gone_at is not null" : "d.gone_at is null");
		if (!key.isEmpty()) {
			boolean shortSearch = key.codePointCount(0, key.length()) <= 3;
			if (!walking) {
				clauses.add(grams(agencyId, key, params));
			}
			// For a short search the pieces are exact: LIKE would only skew the estimate.
			if (walking || !shortSearch) {
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
			if (sortedByState) {
				ranges.add("coalesce(d.state, '') = :state");
			}
			else {
				clauses.add("d.state = :state");
			}
			params.put("state", filter.state());
		}
		if (filter.expiresWithin() != null) {
			boolean sortedByExpiry = filter.sort().equals("expiry") && !filter.gone();
			if (!sortedByExpiry) {
				clauses.add("d.expires_at <= :expiresBefore");
			}
			else if (filter.dir().equals("desc")) {
				ranges.add("coalesce(d.expires_at, '-infinity'::timestamptz) > '-infinity'::timestamptz"
						+ " and coalesce(d.expires_at, '-infinity'::timestamptz) <= :expiresBefore");
			}
			else {
				ranges.add("coalesce(d.expires_at, 'infinity'::timestamptz) <= :expiresBefore");
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
			// The client's links first (domain_client_client_ix, agency first like every
			// list index), then their domains: a client has a handful of domains.
			clauses.add("d.id in (select dc.domain_id from domain_client dc"
					+ " where dc.agency_id = :agency and dc.client_id = :client)");
			params.put("client", filter.client());
		}
		return new Where(ranges, clauses, params);
	}

	/**
	 * Whether the search's pieces are the only index the statement can use. They carry
	 * the agency's id, so the agency's own index would add nothing but cost: the planner
	 * ANDs the pieces' bitmap with a bitmap of all the agency's 100,000 rows (3 to 5 ms
	 * at each count and each collection, a fifth of a two-letter search). Written
	 * {@code agency_id + 0}, the agency is still checked on every row, by no index.
	 * Another filter keeps the plain form: its own index leads with the agency.
	 */
	private static boolean searchAlone(DomainFilter filter, String key, boolean walking) {
		return !walking && !key.isEmpty() && !filter.filteredBesidesSearch();
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

	private record Where(List<String> ranges, List<String> filters, Map<String, Object> params) {

		String all() {
			return all(null);
		}

		/** Every condition, and {@code extra} when not null. */
		String all(String extra) {
			List<String> all = new ArrayList<>(this.ranges);
			all.addAll(this.filters);
			if (extra != null) {
				all.add(extra);
			}
			return String.join(" and ", all);
		}

		/** The conditions the sort order's index serves, and {@code extra}. */
		String ranges(String extra) {
			List<String> all = new ArrayList<>(this.ranges);
			if (extra != null) {
				all.add(extra);
			}
			return String.join(" and ", all);
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.params(this.params);
		}

	}

}
