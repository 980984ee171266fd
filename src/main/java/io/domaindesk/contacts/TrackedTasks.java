package io.domaindesk.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.domaindesk.infrastructure.ListPlanner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the tracked contact-change tasks of one agency for {@code /nic-changes} and the
 * domain page.
 */
@Component
class TrackedTasks {

	private final JdbcClient jdbc;

	TrackedTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record TrackedTask(long ovhAccountId, long taskId, long agencyId, Long nicChangeId, String domainName,
			String contactTypes, String fromAccount, String toAccount, String askingAccount, String state,
			Instant dateRequest, Instant dateDone, String startedBy) {

		private static final List<String> FINAL = List.of("done", "refused", "aborted", "expired", "error");

		public boolean pending() {
			return !FINAL.contains(this.state);
		}

		/**
		 * Who must still act, as a message code: the two parties, OVHcloud, or nobody.
		 */
		public String waitingOn() {
			return switch (this.state) {
				case "todo", "validatingByCustomers" -> "nic.waiting.parties";
				case "checkValidity", "doing" -> "nic.waiting.ovh";
				default -> pending() ? "nic.waiting.ovh" : "nic.waiting.nobody";
			};
		}

		/** Time left before OVHcloud lets the task expire, or null once it is over. */
		public Duration timeLeft() {
			if (!pending() || this.dateRequest == null) {
				return null;
			}
			Duration left = Duration.between(Instant.now(), this.dateRequest.plus(ContactChangeTracker.ANSWER_WINDOW));
			return left.isNegative() ? Duration.ZERO : left;
		}

		public String timeLeftText() {
			Duration left = timeLeft();
			if (left == null) {
				return "";
			}
			return (left.toDays() > 0) ? left.toDays() + " d " + left.toHoursPart() + " h"
					: left.toHours() + " h " + left.toMinutesPart() + " min";
		}

		public boolean expiringSoon() {
			Duration left = timeLeft();
			return left != null && left.compareTo(Duration.ofDays(1)) < 0;
		}

		public Duration age() {
			return (this.dateRequest != null) ? Duration.between(this.dateRequest, Instant.now()) : Duration.ZERO;
		}

		public String ageText() {
			Duration age = age();
			return (age.toDays() > 0) ? age.toDays() + " d" : age.toHours() + " h";
		}

		public List<String> roles() {
			return (this.contactTypes == null || this.contactTypes.isBlank()) ? List.of()
					: List.of(this.contactTypes.split(","));
		}

	}

	/**
	 * The filters and the page: keyset paging on the list's order, {@code before} (older)
	 * or {@code after} (newer) a task written {@code account-task}, or {@code last} (the
	 * oldest page, read from the other end), so that any page costs what the first costs.
	 */
	record Query(String q, String state, String before, String after, Boolean last) {

		Query {
			q = (q == null || q.isBlank()) ? null : q.strip().toLowerCase(Locale.ROOT);
			state = (state == null || state.isBlank()) ? "pending" : state;
			last = Boolean.TRUE.equals(last);
			before = (!last && cursor(before) != null) ? before.strip() : null;
			after = (!last && before == null && cursor(after) != null) ? after.strip() : null;
		}

		static final int SIZE = 50;

		Query firstPage() {
			return new Query(this.q, this.state, null, null, null);
		}

		Query olderThan(TrackedTask task) {
			return new Query(this.q, this.state, task.ovhAccountId() + "-" + task.taskId(), null, null);
		}

		Query newerThan(TrackedTask task) {
			return new Query(this.q, this.state, null, task.ovhAccountId() + "-" + task.taskId(), null);
		}

		Query lastPage() {
			return new Query(this.q, this.state, null, null, true);
		}

		boolean backwards() {
			return this.after != null || this.last;
		}

		public String url() {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/nic-changes");
			if (this.q != null) {
				uri.queryParam("q", this.q);
			}
			uri.queryParam("state", this.state);
			if (this.before != null) {
				uri.queryParam("before", this.before);
			}
			if (this.after != null) {
				uri.queryParam("after", this.after);
			}
			if (this.last) {
				uri.queryParam("last", true);
			}
			return uri.build().encode().toUriString();
		}

		private static long[] cursor(String value) {
			return (value != null && CURSOR.matcher(value.strip()).matches())
					? Arrays.stream(value.strip().split("-")).mapToLong(Long::parseLong).toArray() : null;
		}

	}

	private static final Pattern CURSOR = Pattern.compile("\\d{1,18}-\\d{1,18}");

	/**
	 * One page; {@code total} stops at {@link #COUNT_LIMIT} ({@code capped}): an exact
	 * count of every task the agency ever had costs a read of all of them.
	 */
	record Page(List<TrackedTask> tasks, long total, boolean capped, Query query, boolean hasNewer, boolean hasOlder) {

		public String firstUrl() {
			return this.query.firstPage().url();
		}

		public String newerUrl() {
			return this.tasks.isEmpty() ? firstUrl() : this.query.newerThan(this.tasks.get(0)).url();
		}

		public String olderUrl() {
			return this.tasks.isEmpty() ? lastUrl() : this.query.olderThan(this.tasks.get(this.tasks.size() - 1)).url();
		}

		public String lastUrl() {
			return this.query.lastPage().url();
		}

	}

	/** Counts stop here: "more than 1,000 tasks". */
	static final int COUNT_LIMIT = 1_000;

	/**
	 * How far a page walks the list's order before collecting the matches instead (when
	 * more than {@link #COUNT_LIMIT} match, but cluster far away in that order).
	 */
	static final int WALK_ROWS = 2_000;

	/**
	 * The list's order, newest request first, tasks without a date last: the key of
	 * {@code contact_change_task_list_ix}, its partial twin for pending tasks (V16) and
	 * its per-state one (V24).
	 */
	private static final String ORDER_KEY = "coalesce(t.date_request, '-infinity'::timestamptz), t.ovh_account_id, t.task_id";

	private static final String SELECT = """
			select t.ovh_account_id, t.task_id, t.agency_id, t.nic_change_id, t.domain_name, t.contact_types,
			       t.from_account, t.to_account, t.asking_account, t.state, t.date_request, t.date_done,
			       c.created_by as started_by
			from contact_change_task t left join nic_change c on c.id = t.nic_change_id
			""";

	/**
	 * The statements of one page, as {@link #page} runs them (and tests explain them).
	 */
	record Plan(String count, long counted, String walk, String collect, Map<String, Object> params) {

	}

	@Transactional(readOnly = true)
	Page page(long agencyId, Query query) {
		Plan plan = plan(agencyId, query, COUNT_LIMIT);
		if (plan == null) {
			// A task gone since (or another agency's): start again from the top.
			return page(agencyId, query.firstPage());
		}
		long counted = plan.counted();
		List<TrackedTask> tasks = null;
		if (plan.walk() != null) {
			tasks = this.jdbc.sql(plan.walk()).params(plan.params()).query(TrackedTask.class).list();
			if (tasks.size() <= Query.SIZE && plan.collect() != null) {
				// The walk stopped short: the matches sit far away in the list's order.
				tasks = null;
			}
		}
		if (tasks == null) {
			tasks = this.jdbc.sql(plan.collect()).params(plan.params()).query(TrackedTask.class).list();
		}
		tasks = new ArrayList<>(tasks);
		boolean more = tasks.size() > Query.SIZE;
		if (more) {
			tasks.remove(tasks.size() - 1);
		}
		long total = Math.min(counted, COUNT_LIMIT);
		boolean capped = counted > COUNT_LIMIT;
		if (!query.backwards()) {
			return new Page(tasks, total, capped, query, query.before() != null, more);
		}
		Collections.reverse(tasks);
		if (query.after() != null && !more) {
			// Reached the newest: show the first page as it is, full.
			return page(agencyId, query.firstPage());
		}
		return new Page(tasks, total, capped, query, more, query.after() != null);
	}

	/**
	 * The count (stopped at {@code limit} + 1) and the page. The page walks the list's
	 * order on its index ({@code agency_id} first) when more than {@code limit} tasks
	 * match: they are dense, a page is found at once. Fewer are collected by their most
	 * selective index (the search's trigrams, the state) behind an {@code offset 0} fence
	 * and sorted, instead of walking the order in the hope that they come early. Null
	 * when the cursor's task is not the agency's.
	 */
	Plan plan(long agencyId, Query query, int limit) {
		ListPlanner.settings(this.jdbc);
		// Ranges are served by the order's indexes; filters are checked on each row.
		List<String> ranges = new ArrayList<>(List.of("t.agency_id = :agency"));
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agency", agencyId);
		if (query.q() != null) {
			// One expression, served by contact_change_task_search_ix (trigrams).
			where.add(SEARCH + " like :q");
			params.put("q", "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.state().equals("pending")) {
			ranges.add("t.state not in ('done', 'refused', 'aborted', 'expired', 'error')");
		}
		else if (!query.state().equals("all")) {
			// A range too: contact_change_task_state_order_ix (V24) holds each state in
			// the list's order.
			ranges.add("t.state = :state");
			params.put("state", query.state());
		}
		String range = String.join(" and ", ranges);
		String condition = String.join(" and ", Stream.concat(ranges.stream(), where.stream()).toList());
		String count = "select count(*) from (select 1 from contact_change_task t where " + condition + " limit "
				+ (limit + 1) + ") c";
		long counted = this.jdbc.sql(count).params(params).query(Long.class).single();
		String cursor = (query.before() != null) ? query.before() : query.after();
		String keyset = "";
		if (cursor != null) {
			long[] ids = Query.cursor(cursor);
			Optional<String> at = this.jdbc.sql("""
					select coalesce(date_request, '-infinity'::timestamptz)::text from contact_change_task
					where agency_id = :agency and ovh_account_id = :account and task_id = :task
					""")
				.param("agency", agencyId)
				.param("account", ids[0])
				.param("task", ids[1])
				.query(String.class)
				.optional();
			if (at.isEmpty()) {
				return null;
			}
			keyset = " and (" + ORDER_KEY + ") " + (query.backwards() ? ">" : "<")
					+ " (cast(:cursorAt as timestamptz), :cursorAccount, :cursorTask)";
			params.put("cursorAt", at.get());
			params.put("cursorAccount", ids[0]);
			params.put("cursorTask", ids[1]);
		}
		String direction = query.backwards() ? " asc" : " desc";
		String orderBy = ORDER_KEY.replace(", t.", direction + ", t.") + direction;
		params.put("limit", Query.SIZE + 1);
		String collect = "select * from (" + SELECT + " where " + condition + keyset + " offset 0) t order by "
				+ orderBy + " limit :limit";
		if (counted <= limit) {
			return new Plan(count, counted, null, collect, params);
		}
		if (where.isEmpty()) {
			return new Plan(count, counted,
					SELECT + " where " + range + keyset + " order by " + orderBy + " limit :limit", null, params);
		}
		// Walks the order, WALK_ROWS tasks at most, keeping the matches; the key is an
		// output column so that the outer order is the walk's own and stops it early.
		params.put("scan", WALK_ROWS);
		String walk = SELECT.replace("t.", "x.")
			.replace("from contact_change_task t",
					"from (select t.*, coalesce(t.date_request, '-infinity'::timestamptz)"
							+ " as sort_at from contact_change_task t where " + range + keyset + " order by " + orderBy
							+ " limit :scan) x")
				+ " where " + String.join(" and ", where).replace("t.", "x.") + " order by "
				+ orderBy.replace("coalesce(t.date_request, '-infinity'::timestamptz)", "x.sort_at").replace("t.", "x.")
				+ " limit :limit";
		return new Plan(count, counted, walk, collect, params);
	}

	/**
	 * What a search looks in: the domain and both nichandles, as one indexed expression
	 * (a line break cannot be typed in the search box, so no match spans two of them).
	 */
	static final String SEARCH = "(coalesce(t.domain_name, '') || E'\\n' || coalesce(t.from_account, '') || E'\\n'"
			+ " || coalesce(t.to_account, ''))";

	@Transactional(readOnly = true)
	Optional<TrackedTask> find(long agencyId, long accountId, long taskId) {
		return this.jdbc
			.sql(SELECT + " where t.agency_id = :agency and t.ovh_account_id = :account and t.task_id = :task")
			.param("agency", agencyId)
			.param("account", accountId)
			.param("task", taskId)
			.query(TrackedTask.class)
			.optional();
	}

	@Transactional(readOnly = true)
	List<TrackedTask> forDomain(long agencyId, String domain) {
		return this.jdbc
			.sql(SELECT + " where t.agency_id = :agency and t.domain_name = :domain"
					+ " order by t.date_request desc nulls last limit 20")
			.param("agency", agencyId)
			.param("domain", domain)
			.query(TrackedTask.class)
			.list();
	}

}
