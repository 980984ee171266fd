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
	 * </ul>
	 * @param jdbc the client of the caller's transaction
	 */
	public static void settings(JdbcClient jdbc) {
		// Both in one round trip: set_config(…, true) is SET LOCAL.
		jdbc.sql(
				"select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('enable_seqscan', 'off', true)")
			.query()
			.singleRow();
	}

}
