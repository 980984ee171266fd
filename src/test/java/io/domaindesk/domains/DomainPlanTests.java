package io.domaindesk.domains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape of the domain list lands on an index: searches of 1, 2 and 3+ characters
 * (accents, IDN), each filter alone and combined, each sort in both directions, the
 * first, a middle and the last page. Run with {@code EXPLAIN ANALYZE} on 3 agencies of
 * 12,000 domains after {@code VACUUM ANALYZE}, so the planner chooses with real
 * statistics, the count stopped at the same share of the agency as in production (1,200
 * of 12,000 for 1,000 of 100,000 would leave too few rows to choose between, so 1 %): no
 * statement may scan the domain table sequentially, nor read (return or throw away) more
 * than half the agency's rows. Each shape is explained in one transaction with the list's
 * planner settings, as {@link DomainSearch#page} runs it; a deep page number becomes the
 * last page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainPlanTests {

	static final int DOMAINS = 12_000;

	/**
	 * The count's limit here: the same share of the agency as 1,000 of 100,000, so that
	 * the planner faces the same choices as in production.
	 */
	static final int COUNT_LIMIT = DOMAINS / 100;

	/**
	 * What one scan may read: half the agency, where a scan of it reads it all.
	 */
	static final long MAX_ROWS_READ = DOMAINS / 2;

	static final ObjectMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DomainSearch search;

	@Autowired
	PlatformTransactionManager transactions;

	long agencyId;

	@BeforeAll
	void threeAgencies() {
		for (int a = 0; a < 3; a++) {
			long agency = this.jdbc.sql("insert into agency (name) values (:n) returning id")
				.param("n", "Plans " + a + " " + UUID.randomUUID().toString().substring(0, 8))
				.query(Long.class)
				.single();
			long account = this.jdbc.sql("""
					insert into ovh_account (agency_id, label, endpoint, application_key)
					values (:a, 'OVHcloud', 'http://127.0.0.1:9/1.0', 'unreachable') returning id
					""").param("a", agency).query(Long.class).single();
			DomainSeed.insert(this.jdbc, agency, account, 1, DOMAINS);
			// Clients of three or four domains, as owners share them.
			this.jdbc.sql("""
					insert into domain_client (agency_id, domain_id, client_id)
					select agency_id, id, 1 + id % (:domains / 3) from domain where agency_id = :a
					""").param("a", agency).param("domains", DOMAINS).update();
			this.agencyId = agency;
		}
		this.jdbc.sql("vacuum analyze domain").update();
		this.jdbc.sql("vacuum analyze domain_client").update();
	}

	@Test
	void everySearchInEveryOrderUsesAnIndex() {
		List<String> problems = new ArrayList<>();
		for (String q : new String[] { "a", "e", "é", "日", "z", "ca", "zq", "xn", ".fr", "café", "cafe", "CAFE-1",
				"jardin-4", "xn--caf", "garçon", "münchen-3", "nothing-like-it" }) {
			for (String sort : new String[] { "name", "expiry", "state" }) {
				for (String dir : new String[] { "asc", "desc" }) {
					check(filter(q, null, null, null, null, null, false, false, false, sort, dir), problems);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyFilterAloneAndCombinedInEveryOrderUsesAnIndex() {
		List<DomainFilter> filters = List.of(filter(null, null, null, null, null, null, false, false, false),
				filter(null, "ab10007-ovh", null, null, null, null, false, false, false),
				filter(null, "cd20011-ovh", "tech", null, null, null, false, false, false),
				filter(null, "ef30001-ovh", "billing", null, null, null, false, false, false),
				filter(null, null, null, "fr", null, null, false, false, false),
				filter(null, null, null, null, "expired", null, false, false, false),
				filter(null, null, null, null, "ok", null, false, false, false),
				filter(null, null, null, null, null, 30, false, false, false),
				filter(null, null, null, null, null, 365, false, false, false),
				filter(null, null, null, null, null, null, true, false, false),
				filter(null, null, null, null, null, null, false, true, false),
				filter(null, null, null, null, null, null, false, false, true),
				filter(null, null, null, "fr", "ok", 90, false, false, false),
				filter("cafe", null, null, "fr", "ok", null, false, false, false),
				filter("a", "ab10007-ovh", "admin", null, null, 90, false, false, false),
				filter("xn", null, null, "com", "expired", 365, true, false, false),
				filter(null, "cd20011-ovh", null, "net", null, null, false, true, false));
		List<String> problems = new ArrayList<>();
		for (DomainFilter base : filters) {
			for (String sort : new String[] { "name", "expiry", "state" }) {
				for (String dir : new String[] { "asc", "desc" }) {
					check(sorted(base, sort, dir), problems);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theFirstAMiddleAndTheLastPageUseAnIndex() {
		List<String> problems = new ArrayList<>();
		String middle = DomainSeed.name(DOMAINS / 2);
		for (String q : new String[] { null, "a", "xn" }) {
			for (String sort : new String[] { "name", "expiry", "state" }) {
				for (String dir : new String[] { "asc", "desc" }) {
					DomainFilter first = filter(q, null, null, null, null, null, false, false, false, sort, dir);
					check(first, problems);
					check(first.afterName(middle), problems);
					check(first.beforeName(middle), problems);
					check(first.lastPage(), problems);
					check(first.withPage(3), problems);
					// An old bookmark past the count: read as the last page.
					check(first.withPage(4000), problems);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * {@code /domains?client=}: the client's links by their index (V20, agency first),
	 * then their domains; never a walk of the agency's domains or links, in every order,
	 * alone, with a search and on the last page.
	 */
	@Test
	void theClientFilterReadsTheClientsLinksByTheirIndex() {
		long client = this.jdbc.sql("""
				select client_id from domain_client where agency_id = :a
				group by client_id order by count(*) desc, client_id limit 1
				""").param("a", this.agencyId).query(Long.class).single();
		List<String> problems = new ArrayList<>();
		for (String q : new String[] { null, "a", "cafe" }) {
			for (String sort : new String[] { "name", "expiry", "state" }) {
				for (String dir : new String[] { "asc", "desc" }) {
					DomainFilter first = new DomainFilter(q, null, null, null, null, null, null, null, null, sort, dir,
							null, null, client);
					check(first, problems);
					check(first.lastPage(), problems);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * The walk of the sort order, stopped after a bounded number of rows, and the
	 * collection it falls back on answer exactly what the plain query answers: dense
	 * matches ("a"), matches clustered far away in name order ("ca", every ".fr", every
	 * expired domain), rare ones ("日"), first and last page, every order.
	 */
	@Test
	void everyShapeAnswersWhatThePlainQueryAnswers() {
		List<String> problems = new ArrayList<>();
		String[][] shapes = { { "a", null, null }, { "ca", null, null }, { "xn", null, null }, { "日", null, null },
				{ "café", null, null }, { null, "fr", null }, { null, null, "expired" }, { "e", "com", null } };
		for (String[] shape : shapes) {
			for (String sort : new String[] { "name", "expiry", "state" }) {
				for (String dir : new String[] { "asc", "desc" }) {
					DomainFilter first = new DomainFilter(shape[0], null, null, shape[1], shape[2], null, null, null,
							null, sort, dir, null, null, null);
					for (DomainFilter filter : List.of(first, first.lastPage())) {
						List<String> shown = this.search.page(this.agencyId, filter)
							.rows()
							.stream()
							.map(DomainRow::name)
							.toList();
						List<String> expected = plainQuery(filter);
						if (!shown.equals(expected)) {
							problems.add(filter.query() + "\n  shown    " + shown + "\n  expected " + expected);
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * The list's statements keep their custom plans when the same statement text runs
	 * again and again on one connection (ListPlanner): past the JDBC driver's fifth run a
	 * statement is prepared on the server, whose plan cache would then choose one generic
	 * plan for every search, rare or dense. Twelve pages of one shape, alternating a
	 * dense and a rare search, in one transaction: every statement of the list prepared
	 * on the server was planned for its own values each time, never generically.
	 */
	@Test
	void aListStatementRunManyTimesKeepsItsCustomPlans() {
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			for (int run = 0; run < 12; run++) {
				String q = (run % 2 == 0) ? "a" : "nothing-like-it";
				this.search.page(this.agencyId, filter(q, null, null, "fr", null, null, false, false, false));
			}
			assertThat(this.jdbc
				.sql("select current_setting('plan_cache_mode') || ' ' || current_setting('enable_seqscan') || ' '"
						+ " || current_setting('max_parallel_workers_per_gather')")
				.query(String.class)
				.single()).as("planner settings of the list's transaction").isEqualTo("force_custom_plan off 0");
			List<Map<String, Object>> prepared = this.jdbc.sql("""
					select statement, generic_plans, custom_plans from pg_prepared_statements
					where statement like '%from domain d%'
					""").query().listOfRows();
			assertThat(prepared).as("the list's statements, prepared on the server after five runs").isNotEmpty();
			assertThat(prepared).allSatisfy((statement) -> {
				assertThat(((Number) statement.get("generic_plans")).longValue()).as("%s", statement).isZero();
				assertThat(((Number) statement.get("custom_plans")).longValue()).as("%s", statement).isPositive();
			});
			transaction.setRollbackOnly();
		});
	}

	/** The page as the simplest query finds it, without any of the list's strategies. */
	private List<String> plainQuery(DomainFilter filter) {
		boolean desc = filter.dir().equals("desc");
		String key = switch (filter.sort()) {
			case "expiry" -> desc ? "coalesce(expires_at, '-infinity'::timestamptz)"
					: "coalesce(expires_at, 'infinity'::timestamptz)";
			case "state" -> "coalesce(state, '')";
			default -> "unicode_name";
		};
		String direction = (desc != filter.last()) ? " desc" : " asc";
		List<String> names = new ArrayList<>(this.jdbc
			.sql("select name from domain where agency_id = :a"
					+ " and gone_at is null and search_text like :q and (:tld = '' or tld = :tld)"
					+ " and (:state = '' or state = :state) order by " + key + direction + ", name" + direction
					+ " limit 25")
			.param("a", this.agencyId)
			.param("q", "%" + DomainNames.searchKey(filter.q()) + "%")
			.param("tld", (filter.tld() != null) ? filter.tld() : "")
			.param("state", (filter.state() != null) ? filter.state() : "")
			.query(String.class)
			.list());
		if (filter.last()) {
			java.util.Collections.reverse(names);
		}
		return names;
	}

	/**
	 * Explains the count and the page's statements (the walk of the sort order and the
	 * collection of the matches, when chosen) as {@link DomainSearch#page} runs them.
	 */
	private void check(DomainFilter filter, List<String> problems) {
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			DomainSearch.Plan chosen = this.search.plan(this.agencyId, filter, COUNT_LIMIT);
			for (DomainSearch.Statement statement : run(chosen)) {
				JsonNode plan = explain(statement);
				List<String> found = new ArrayList<>();
				inspect(plan.get("Plan"), found);
				if (!found.isEmpty()) {
					problems.add(filter.query() + " " + found + "\n" + statement.sql() + "\n" + plan.toPrettyString());
				}
			}
			transaction.setRollbackOnly();
		});
	}

	/**
	 * The statements {@link DomainSearch#page} runs for this plan: the collection only
	 * when there is no walk or the walk stops short of a page.
	 */
	private List<DomainSearch.Statement> run(DomainSearch.Plan plan) {
		List<DomainSearch.Statement> run = new ArrayList<>(List.of(plan.count()));
		boolean collect = plan.walk() == null;
		if (plan.walk() != null) {
			run.add(plan.walk());
			collect = plan.collect() != null
					&& plan.walk().on(this.jdbc).query().listOfRows().size() <= plan.filter().size();
		}
		if (collect) {
			run.add(plan.collect());
		}
		return run;
	}

	private JsonNode explain(DomainSearch.Statement statement) {
		String json = this.jdbc.sql("explain (analyze, format json) " + statement.sql())
			.params(statement.params())
			.query(String.class)
			.single();
		return JSON.readTree(json).get(0);
	}

	private static void inspect(JsonNode node, List<String> problems) {
		String nodeType = node.path("Node Type").asText();
		if (nodeType.equals("Gather") || nodeType.equals("Gather Merge")) {
			problems.add("parallel workers (" + nodeType + ")");
		}
		// A bitmap of half the agency from a B-tree, even when ANDed down to a few rows,
		// read every entry of it: the agency's own index beside a search's pieces, which
		// carry the agency already. (The pieces' own posting list of "a", half the
		// agency too, is compressed: a few pages.)
		if (nodeType.equals("Bitmap Index Scan") && node.path("Actual Rows").asLong() > MAX_ROWS_READ
				&& !node.path("Index Name").asText().equals("domain_search_grams_ix")) {
			problems.add("bitmap of " + node.path("Actual Rows").asLong() + " rows from "
					+ node.path("Index Name").asText());
		}
		if (List.of("domain", "domain_client").contains(node.path("Relation Name").asText())) {
			String type = node.path("Node Type").asText();
			long read = node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
					+ node.path("Rows Removed by Index Recheck").asLong();
			if (type.equals("Seq Scan")) {
				problems.add("sequential scan of " + node.path("Relation Name").asText());
			}
			if (read > MAX_ROWS_READ) {
				problems.add(type + " read " + read + " rows");
			}
		}
		for (JsonNode child : node.path("Plans")) {
			inspect(child, problems);
		}
	}

	private static DomainFilter filter(String q, String nic, String role, String tld, String state,
			Integer expiresWithin, boolean pending, boolean drift, boolean gone) {
		return filter(q, nic, role, tld, state, expiresWithin, pending, drift, gone, null, null);
	}

	private static DomainFilter filter(String q, String nic, String role, String tld, String state,
			Integer expiresWithin, boolean pending, boolean drift, boolean gone, String sort, String dir) {
		return new DomainFilter(q, nic, role, tld, state, expiresWithin, pending, drift, gone, sort, dir, null, null,
				null);
	}

	private static DomainFilter sorted(DomainFilter f, String sort, String dir) {
		return filter(f.q(), f.nic(), f.role(), f.tld(), f.state(), f.expiresWithin(), f.pending(), f.drift(), f.gone(),
				sort, dir);
	}

}
