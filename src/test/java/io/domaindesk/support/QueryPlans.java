package io.domaindesk.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a list's statement with {@code EXPLAIN (ANALYZE, FORMAT JSON)} and says what is
 * wrong with its plan for one table: a sequential scan, or a scan that reads (returns or
 * throws away) more rows than allowed. The plan tests of every list (issue 15) hold each
 * shape to this: a page never walks an agency's rows.
 */
public final class QueryPlans {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private QueryPlans() {
	}

	/** The problems of one statement's plan on {@code table}; empty when none. */
	public static List<String> problems(JdbcClient jdbc, String sql, Map<String, Object> params, String table,
			long maxRowsRead) {
		String json = jdbc.sql("explain (analyze, format json) " + sql).params(params).query(String.class).single();
		JsonNode plan = JSON.readTree(json).get(0);
		List<String> found = new ArrayList<>();
		inspect(plan.get("Plan"), table, maxRowsRead, found);
		if (!found.isEmpty()) {
			found.add(sql + "\n" + plan.toPrettyString());
		}
		return found;
	}

	/**
	 * The statements a keyset list runs for one page: the count, the walk of the list's
	 * order when there is one, the collection of the matches when there is no walk or it
	 * stops short of a page ({@code pageSize} rows and one more).
	 */
	public static List<String> run(JdbcClient jdbc, String count, String walk, String collect,
			Map<String, Object> params, int pageSize) {
		List<String> run = new ArrayList<>(List.of(count));
		boolean collecting = walk == null;
		if (walk != null) {
			run.add(walk);
			collecting = collect != null && jdbc.sql(walk).params(params).query().listOfRows().size() <= pageSize;
		}
		if (collecting) {
			run.add(collect);
		}
		return run;
	}

	/**
	 * {@code EXPLAIN (ANALYZE, BUFFERS)} of a keyset list's statements, for the benchmark
	 * reports.
	 */
	public static String explain(JdbcClient jdbc, String count, long counted, String walk, String collect,
			Map<String, Object> params) {
		String text = "-- count (" + counted + ")\n" + explain(jdbc, count, params);
		if (walk != null) {
			text += "\n-- page: walk of the list's order" + ((collect != null) ? ", bounded" : "") + "\n"
					+ explain(jdbc, walk, params);
		}
		if (collect != null) {
			text += "\n-- page: collection" + ((walk != null) ? ", if the walk stops short" : "") + "\n"
					+ explain(jdbc, collect, params);
		}
		return text;
	}

	private static String explain(JdbcClient jdbc, String sql, Map<String, Object> params) {
		return String.join("\n",
				jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list());
	}

	private static void inspect(JsonNode node, String table, long maxRowsRead, List<String> problems) {
		if (table.equals(node.path("Relation Name").asText())) {
			String type = node.path("Node Type").asText();
			long loops = Math.max(1, node.path("Actual Loops").asLong());
			long read = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
					+ node.path("Rows Removed by Index Recheck").asLong()) * loops;
			if (type.equals("Seq Scan")) {
				problems.add("sequential scan of " + table);
			}
			if (read > maxRowsRead) {
				problems.add(type + " on " + table + " read " + read + " rows");
			}
		}
		for (JsonNode child : node.path("Plans")) {
			inspect(child, table, maxRowsRead, problems);
		}
	}

}
