package io.domaindesk.infrastructure;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The planner settings every list that grows without bound ({@code /domains},
 * {@code /nic-changes}, {@code /trades}) plans its statements with, for the rest of the
 * caller's transaction.
 */
public final class ListPlanner {

	private ListPlanner() {
	}

	/**
	 * <ul>
	 * <li>no generic plan: the same statement text serves rare and dense searches, and
	 * the JDBC driver switches a statement to a server-side prepared one after five runs,
	 * whose generic plan, cached for one search, is wrong for the next (the benchmark saw
	 * {@code /nic-changes} at 68 ms in SQL for a plan that runs in 3 ms when
	 * custom);</li>
	 * <li>no sequential scan: for a count stopped at a few rows the planner likes to read
	 * the table from its start hoping to meet enough matches early, when an agency's rows
	 * sit together far into it (a sync writes them at once); a list never needs more than
	 * a fraction of one agency.</li>
	 * <li>no parallel workers: the count of a two-letter search, its agency checked row
	 * by row ({@code DomainSearch}), chose two, whose start took 30 ms on these 2-core
	 * machines for a count that reads 1,000 rows in 3 ms; no list statement reads enough
	 * to gain from them.</li>
	 * </ul>
	 * @param jdbc the client of the caller's transaction
	 */
	public static void settings(JdbcClient jdbc) {
		// All in one round trip: set_config(…, true) is SET LOCAL.
		jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true),"
				+ " set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)")
			.query()
			.singleRow();
	}

}
