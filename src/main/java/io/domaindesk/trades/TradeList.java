package io.domaindesk.trades;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.domaindesk.infrastructure.ListPlanner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /trades}: the agency's trades, those awaiting approval first, filtered by
 * domain, state, period and user, a page at a time.
 */
@Component
class TradeList {

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	TradeList(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts stop here: "more than 1,000 trades". */
	static final int COUNT_LIMIT = 1_000;

	/**
	 * The filters, as they come from the URL; blank means any. Keyset paging on the
	 * list's order: {@code before} (further down) or {@code after} (further up) a trade's
	 * id, or {@code last} (the oldest page, read from the other end), so that any page
	 * costs what the first costs.
	 */
	public record Query(String q, String status, String user, LocalDate from, LocalDate to, Long before, Long after,
			Boolean last) {

		public Query {
			status = (status == null || status.isBlank()) ? "all" : status;
			last = Boolean.TRUE.equals(last);
			before = (!last && before != null && before > 0) ? before : null;
			after = (!last && before == null && after != null && after > 0) ? after : null;
		}

		Query firstPage() {
			return new Query(this.q, this.status, this.user, this.from, this.to, null, null, null);
		}

		boolean backwards() {
			return this.after != null || this.last;
		}

		public String url() {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/trades");
			putIf(uri, "q", this.q);
			uri.queryParam("status", this.status);
			putIf(uri, "user", this.user);
			putIf(uri, "from", this.from);
			putIf(uri, "to", this.to);
			putIf(uri, "before", this.before);
			putIf(uri, "after", this.after);
			if (this.last) {
				uri.queryParam("last", true);
			}
			return uri.build().encode().toUriString();
		}

		private static void putIf(UriComponentsBuilder uri, String name, Object value) {
			if (value != null && !value.toString().isBlank()) {
				uri.queryParam(name, value);
			}
		}

	}

	public record Row(long id, String domainName, String status, String oldOwnerName, String newOwnerName,
			String optionPrice, String createdBy, OffsetDateTime createdAt, String submittedBy, String approvedBy,
			Long orderId, Long taskId, String taskStatus, OffsetDateTime updatedAt) {

	}

	/**
	 * One page; {@code total} stops at {@link #COUNT_LIMIT} ({@code capped}): an exact
	 * count of every trade the agency ever made costs a read of all of them.
	 */
	public record Page(Query query, List<Row> rows, long total, boolean capped, boolean hasNewer, boolean hasOlder) {

		public String firstUrl() {
			return this.query.firstPage().url();
		}

		public String newerUrl() {
			Query q = this.query;
			return this.rows.isEmpty() ? firstUrl()
					: new Query(q.q(), q.status(), q.user(), q.from(), q.to(), null, this.rows.get(0).id(), null).url();
		}

		public String olderUrl() {
			Query q = this.query;
			return this.rows.isEmpty() ? lastUrl() : new Query(q.q(), q.status(), q.user(), q.from(), q.to(),
					this.rows.get(this.rows.size() - 1).id(), null, null)
				.url();
		}

		public String lastUrl() {
			Query q = this.query;
			return new Query(q.q(), q.status(), q.user(), q.from(), q.to(), null, null, true).url();
		}

	}

	/**
	 * The list's order: trades awaiting approval first, then the newest: the key of
	 * {@code trade_list_ix} (V16), all descending so that one row comparison is the
	 * keyset.
	 */
	private static final String AWAITING_FIRST = "(case when t.status = 'AWAITING_APPROVAL' then 1 else 0 end)";

	private static final String ORDER_KEY = AWAITING_FIRST + ", t.created_at, t.id";

	/**
	 * How far a page walks the list's order before collecting the matches instead (when
	 * more than {@link #COUNT_LIMIT} match, but cluster far away in that order).
	 */
	static final int WALK_ROWS = 2_000;

	/**
	 * The statements of one page, as {@link #page} runs them (and tests explain them).
	 */
	record Plan(String count, long counted, String walk, String collect, Map<String, Object> params) {

	}

	@Transactional(readOnly = true)
	Page page(long agencyId, Query query, ZoneId zone) {
		Plan plan = plan(agencyId, query, zone, COUNT_LIMIT);
		if (plan == null) {
			// A trade of another agency, or none: start again from the top.
			return page(agencyId, query.firstPage(), zone);
		}
		List<Row> rows = null;
		if (plan.walk() != null) {
			rows = this.jdbc.sql(plan.walk()).params(plan.params()).query(Row.class).list();
			if (rows.size() <= PAGE_SIZE && plan.collect() != null) {
				// The walk stopped short: the matches sit far away in the list's order.
				rows = null;
			}
		}
		if (rows == null) {
			rows = this.jdbc.sql(plan.collect()).params(plan.params()).query(Row.class).list();
		}
		rows = new ArrayList<>(rows);
		boolean more = rows.size() > PAGE_SIZE;
		if (more) {
			rows.remove(rows.size() - 1);
		}
		long total = Math.min(plan.counted(), COUNT_LIMIT);
		boolean capped = plan.counted() > COUNT_LIMIT;
		if (!query.backwards()) {
			return new Page(query, rows, total, capped, query.before() != null, more);
		}
		Collections.reverse(rows);
		if (query.after() != null && !more) {
			// Reached the top: show the first page as it is, full.
			return page(agencyId, query.firstPage(), zone);
		}
		return new Page(query, rows, total, capped, more, query.after() != null);
	}

	/**
	 * The count (stopped at {@code limit} + 1) and the page. More than {@code limit}
	 * matches: the page walks the list's order on {@code trade_list_ix}, a page is found
	 * at once. Fewer: they are collected by their most selective index (the domain's
	 * trigrams, a user, the state) behind an {@code offset 0} fence and sorted, instead
	 * of walking the order in the hope that they come early. Null when the cursor's trade
	 * is not the agency's.
	 */
	Plan plan(long agencyId, Query query, ZoneId zone, int limit) {
		ListPlanner.settings(this.jdbc);
		// Every condition but the agency is checked on each row of a walk.
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agency", agencyId);
		String q = (query.q() != null) ? query.q().strip().toLowerCase(java.util.Locale.ROOT) : "";
		if (!q.isEmpty()) {
			where.add("t.domain_name like :q");
			params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.status().equals("open")) {
			where.add("t.status not in ('DONE', 'FAILED', 'CANCELLED')");
		}
		else if (!query.status().equals("all")) {
			where.add("t.status = :status");
			params.put("status", query.status());
		}
		String user = (query.user() != null) ? query.user().strip() : "";
		if (!user.isEmpty()) {
			where.add("(t.created_by = :user or t.submitted_by = :user or t.approved_by = :user)");
			params.put("user", user);
		}
		if (query.from() != null) {
			where.add("t.created_at >= :from");
			params.put("from", query.from().atStartOfDay(zone).toOffsetDateTime());
		}
		if (query.to() != null) {
			where.add("t.created_at < :to");
			params.put("to", query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		String range = "t.agency_id = :agency";
		String condition = String.join(" and ", Stream.concat(Stream.of(range), where.stream()).toList());
		String count = "select count(*) from (select 1 from trade t where " + condition + " limit " + (limit + 1)
				+ ") c";
		long counted = this.jdbc.sql(count).params(params).query(Long.class).single();
		Long cursor = (query.before() != null) ? query.before() : query.after();
		String keyset = "";
		if (cursor != null) {
			Optional<Map<String, Object>> at = this.jdbc
				.sql("select status, created_at from trade where agency_id = :agency and id = :id")
				.param("agency", agencyId)
				.param("id", cursor)
				.query()
				.listOfRows()
				.stream()
				.findFirst();
			if (at.isEmpty()) {
				return null;
			}
			keyset = " and (" + ORDER_KEY + ") " + (query.backwards() ? ">" : "<")
					+ " (:cursorAwaiting, :cursorAt, :cursorId)";
			params.put("cursorAwaiting", "AWAITING_APPROVAL".equals(at.get().get("status")) ? 1 : 0);
			params.put("cursorAt", at.get().get("created_at"));
			params.put("cursorId", cursor);
		}
		String direction = query.backwards() ? " asc" : " desc";
		String orderBy = ORDER_KEY.replace(", t.", direction + ", t.") + direction;
		params.put("limit", PAGE_SIZE + 1);
		String collect = "select * from (select " + COLUMNS + " from trade t where " + condition + keyset
				+ " offset 0) t order by " + orderBy + " limit :limit";
		if (counted <= limit) {
			return new Plan(count, counted, null, collect, params);
		}
		if (where.isEmpty()) {
			return new Plan(count, counted, "select " + COLUMNS + " from trade t where " + range + keyset + " order by "
					+ orderBy + " limit :limit", null, params);
		}
		// Walks the order, WALK_ROWS trades at most, keeping the matches; the key is an
		// output column so that the outer order is the walk's own and stops it early.
		params.put("scan", WALK_ROWS);
		String walk = "select " + COLUMNS.replace("t.", "x.") + " from (select t.*, " + AWAITING_FIRST
				+ " as awaiting_first from trade t where " + range + keyset + " order by " + orderBy
				+ " limit :scan) x where " + String.join(" and ", where).replace("t.", "x.") + " order by "
				+ orderBy.replace(AWAITING_FIRST, "x.awaiting_first").replace("t.", "x.") + " limit :limit";
		return new Plan(count, counted, walk, collect, params);
	}

	private static final String COLUMNS = """
			t.id, t.domain_name, t.status, t.old_owner_name, t.new_owner_name, t.option_price, t.created_by,
			t.created_at, t.submitted_by, t.approved_by, t.order_id, t.task_id, t.task_status, t.updated_at""";

}
