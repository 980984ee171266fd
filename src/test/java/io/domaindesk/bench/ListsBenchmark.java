package io.domaindesk.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.domaindesk.audit.AuditListProbe;
import io.domaindesk.bench.ListShapes.Row;
import io.domaindesk.contacts.TaskListProbe;
import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.ListSeed;
import io.domaindesk.trades.TradeListProbe;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static io.domaindesk.bench.ListShapes.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's bar for the other lists that grow without bound: {@code /nic-changes} and
 * {@code /trades} with 100,000 rows in agency 0 of the platform, {@code /audit} with
 * 1,000,000; each state and filter alone and combined, searches of 1, 2 and 3+
 * characters, the first, a middle and the last page; over real HTTP with a logged-in
 * session and in SQL alone. Writes {@code target/bench/lists.json} (the worst row of each
 * list) and {@code target/bench/lists.md} (every row, worst first, with the machine's
 * load and each shape's {@code EXPLAIN (ANALYZE, BUFFERS)}).
 */
@BenchContext
class ListsBenchmark {

	static final int ROWS = Integer.getInteger("bench.lists.rows", 100_000);

	static final int AUDIT_ROWS = Integer.getInteger("bench.lists.audit-rows", 1_000_000);

	static final double GOAL_MILLIS = 50;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	TaskListProbe tasks;

	@Autowired
	TradeListProbe trades;

	@Autowired
	AuditListProbe audit;

	@Test
	void nicChangesTradesAndAuditAtScale() throws Exception {
		BenchPlatform platform = BenchPlatform.get(this.jdbc, this.passwordEncoder);
		long agency = platform.agencies.get(0);
		long account = this.jdbc.sql("select min(id) from ovh_account where agency_id = :a")
			.param("a", agency)
			.query(Long.class)
			.single();
		long started = System.nanoTime();
		for (int first = 1; first <= ROWS; first += 25_000) {
			ListSeed.tasks(this.jdbc, agency, account, first, Math.min(ROWS, first + 24_999));
			ListSeed.trades(this.jdbc, agency, account, first, Math.min(ROWS, first + 24_999));
		}
		this.jdbc.sql("vacuum analyze contact_change_task").update();
		this.jdbc.sql("vacuum analyze trade").update();
		// Audit rows are read by admins and auditors: one admin, logged in (a login is an
		// audit row) before the million rows are appended to the agency's chain.
		String admin = "bench-p0-admin-" + System.nanoTime();
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Bench admin', :h, 'AGENCY_ADMIN')
				""")
			.param("a", agency)
			.param("u", admin)
			.param("h", this.passwordEncoder.encode(BenchPlatform.PASSWORD))
			.update();
		BrowserSession adminBrowser = BrowserSession.loggedIn(this.port, admin, BenchPlatform.PASSWORD);
		this.audit.seed(agency, AUDIT_ROWS);
		// Vacuumed now rather than by autovacuum during the measures: its pass over the
		// million appended rows ran while the first /nic-changes shapes were measured
		// (their SQL alone twice as slow as in the run before).
		this.jdbc.sql("vacuum analyze audit_event").update();
		double loadSeconds = (System.nanoTime() - started) / 1e9;
		BrowserSession staff = BrowserSession.loggedIn(this.port, BenchPlatform.username(0, 0), BenchPlatform.PASSWORD);

		String middleTask = account + "-" + (ROWS / 2);
		long middleTrade = this.jdbc.sql("select id from trade where agency_id = :a and domain_name like :d")
			.param("a", agency)
			.param("d", "%-" + (ROWS / 2) + ".fr")
			.query(Long.class)
			.single();
		long middleEvent = this.jdbc.sql("select id from audit_event where chain_id = :a and seq = :s")
			.param("a", agency)
			.param("s", AUDIT_ROWS / 2)
			.query(Long.class)
			.single();
		ListShapes.warmUp(staff, taskMatrix(middleTask));
		ListShapes.warmUp(staff, tradeMatrix(middleTrade));
		ListShapes.warmUp(adminBrowser, auditMatrix(middleEvent));
		String load = DomainListBenchmark.uptime();
		List<Row> rows = new ArrayList<>();
		StringBuilder plans = new StringBuilder();
		for (String[] q : taskMatrix(middleTask)) {
			rows.add(ListShapes.measure(staff, "nic-changes", q, (a, uri) -> this.tasks.page(a, uri), agency));
			ListShapes.plan(plans, "nic-changes", q, this.tasks.explain(agency, q[1]));
		}
		for (String[] q : tradeMatrix(middleTrade)) {
			rows.add(ListShapes.measure(staff, "trades", q, (a, uri) -> this.trades.page(a, uri), agency));
			ListShapes.plan(plans, "trades", q, this.trades.explain(agency, q[1]));
		}
		for (String[] q : auditMatrix(middleEvent)) {
			rows.add(ListShapes.measure(adminBrowser, "audit", q, (a, uri) -> this.audit.page(a, uri), agency));
			ListShapes.plan(plans, "audit", q, this.audit.explain(agency, q[1]));
		}
		rows.sort(Comparator.comparingDouble(Row::httpP95).reversed());

		BenchReport report = new BenchReport().put("rowsPerList", ROWS)
			.put("auditRows", AUDIT_ROWS)
			.put("loadSeconds", loadSeconds)
			.put("runsPerShape", ListShapes.RUNS)
			.put("machineLoad", load)
			.put("shapes", rows.size())
			.put("shapesOverGoal", rows.stream().filter((r) -> r.httpP95() > GOAL_MILLIS).count());
		for (String list : List.of("nic-changes", "trades", "audit")) {
			Row worst = rows.stream().filter((r) -> r.list().equals(list)).findFirst().orElseThrow();
			report.put(list + ".worstShape", worst.label() + " " + worst.uri())
				.put(list + ".worstHttpP50Millis", worst.httpP50())
				.put(list + ".worstHttpP95Millis", worst.httpP95())
				.put(list + ".worstSqlP95Millis", worst.sqlP95())
				.put(list + ".worstHttpToSqlRatio", worst.ratio());
		}
		report.write("lists");
		writeTable(rows, load, loadSeconds, plans);
	}

	/**
	 * {@code /nic-changes}: each state, searches, combined, first / middle / last page.
	 */
	static List<String[]> taskMatrix(String middle) {
		List<String[]> m = new ArrayList<>();
		for (String state : new String[] { "pending", "all", "done", "todo", "error" }) {
			m.add(q("state " + state, "/nic-changes?state=" + state));
		}
		for (String search : new String[] { "a", "ca", "cafe-1", "ab10007", "cd20011-ovh", "nothing-like-it" }) {
			m.add(q("search " + search, "/nic-changes?state=all&q=" + search));
		}
		m.add(q("search a + pending", "/nic-changes?state=pending&q=a"));
		m.add(q("search ca + error", "/nic-changes?state=error&q=ca"));
		for (String state : new String[] { "all", "pending" }) {
			m.add(q("state " + state + ", middle page", "/nic-changes?state=" + state + "&before=" + middle));
			m.add(q("state " + state + ", page above the middle", "/nic-changes?state=" + state + "&after=" + middle));
			m.add(q("state " + state + ", last page", "/nic-changes?state=" + state + "&last=true"));
		}
		m.add(q("search ca, last page", "/nic-changes?state=all&q=ca&last=true"));
		return m;
	}

	/** {@code /trades}: each state, searches, a user, a period, combined, pages. */
	static List<String[]> tradeMatrix(long middle) {
		String recent = LocalDate.now().minusDays(3).toString();
		List<String[]> m = new ArrayList<>();
		for (String status : new String[] { "all", "open", "DONE", "AWAITING_APPROVAL", "FAILED" }) {
			m.add(q("state " + status, "/trades?status=" + status));
		}
		for (String search : new String[] { "a", "ca", "cafe-1", "nothing-like-it" }) {
			m.add(q("search " + search, "/trades?q=" + search));
		}
		m.add(q("user", "/trades?user=user-07"));
		m.add(q("user without trades", "/trades?user=nobody"));
		m.add(q("last 3 days", "/trades?from=" + recent));
		m.add(q("search + state + user", "/trades?q=ca&status=DONE&user=user-07"));
		m.add(q("open + last 3 days", "/trades?status=open&from=" + recent));
		m.add(q("middle page", "/trades?before=" + middle));
		m.add(q("page above the middle", "/trades?after=" + middle));
		m.add(q("last page", "/trades?last=true"));
		m.add(q("search ca, last page", "/trades?q=ca&last=true"));
		m.add(q("state DONE, middle page", "/trades?status=DONE&before=" + middle));
		return m;
	}

	/** {@code /audit}: each filter alone and combined, first / middle page and above. */
	static List<String[]> auditMatrix(long middle) {
		String monthAgo = LocalDate.now().minusDays(30).toString();
		List<String[]> m = new ArrayList<>();
		m.add(q("no filter", "/audit"));
		m.add(q("action", "/audit?action=contact.change"));
		m.add(q("outcome", "/audit?outcome=DENIED"));
		m.add(q("user", "/audit?user=user-07"));
		m.add(q("domain", "/audit?domain=client-7.fr"));
		m.add(q("from a month ago", "/audit?from=" + monthAgo));
		m.add(q("until a month ago", "/audit?to=" + monthAgo));
		m.add(q("action + outcome", "/audit?action=contact.change&outcome=FAILURE"));
		m.add(q("action + outcome, rare", "/audit?action=login.failure&outcome=DENIED"));
		m.add(q("user + from", "/audit?user=user-07&from=" + monthAgo));
		m.add(q("user + outcome, none", "/audit?user=user-03&outcome=DENIED"));
		m.add(q("domain + action", "/audit?domain=client-7.fr&action=sync.run"));
		m.add(q("middle page", "/audit?before=" + middle));
		m.add(q("page above the middle", "/audit?after=" + middle));
		m.add(q("action, middle page", "/audit?action=contact.change&before=" + middle));
		return m;
	}

	private void writeTable(List<Row> rows, String load, double loadSeconds, StringBuilder plans) {
		StringBuilder md = new StringBuilder("# /nic-changes, /trades and /audit at scale\n\n");
		md.append("Generated ")
			.append(OffsetDateTime.now().withNano(0))
			.append(String.format(Locale.ROOT,
					", agency 0 of the platform with %,d contact-change tasks, %,d trades and %,d audit rows"
							+ " (loaded in %.0f s), %d requests per shape after %d warm-up ones (and at least %d passes over"
							+ " every shape, until the JIT settled, before the first), one logged-in client"
							+ " over real HTTP; SQL alone = the list's statements through the same bean.",
					ROWS, ROWS, AUDIT_ROWS, loadSeconds, ListShapes.RUNS, ListShapes.WARMUP, ListShapes.WARMUP_ROUNDS))
			.append(" Machine load at the start: `")
			.append(load)
			.append("`, at the end: `")
			.append(DomainListBenchmark.uptime())
			.append("`.\n\nGoal: p95 ≤ ")
			.append((int) GOAL_MILLIS)
			.append(" ms over HTTP for every shape. Worst first.\n\n");
		ListShapes.writeTable("lists", md, rows, plans);
	}

}
