package io.domaindesk.contacts;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.ListSeed;
import io.domaindesk.support.QueryPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape of {@code /nic-changes} lands on an index (issue 15): each state, searches
 * of 1, 2 and 3+ characters in domains and nichandles, combined, on the first, a middle
 * and the last page. Run with {@code EXPLAIN ANALYZE} on 3 agencies of 12,000 tasks after
 * {@code VACUUM ANALYZE}, the count stopped at the same share of the agency as in
 * production (120 of 12,000 for 1,000 of 100,000): no statement may scan the table
 * sequentially, nor read more than half the agency's tasks.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackedTaskPlanTests {

	static final int TASKS = 12_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrackedTasks tracked;

	@Autowired
	PlatformTransactionManager transactions;

	long agencyId;

	long accountId;

	@BeforeAll
	void threeAgencies() {
		for (int a = 0; a < 3; a++) {
			long[] ids = ListSeed.agency(this.jdbc, "Task plans " + a);
			this.agencyId = ids[0];
			this.accountId = ids[1];
			ListSeed.tasks(this.jdbc, this.agencyId, this.accountId, 1, TASKS);
		}
		this.jdbc.sql("vacuum analyze contact_change_task").update();
	}

	@Test
	void everyStateAndSearchOnEveryPageUsesAnIndex() {
		List<String> problems = new ArrayList<>();
		String middle = this.accountId + "-" + (TASKS / 2);
		for (String state : new String[] { "pending", "all", "done", "todo", "refused", "error" }) {
			for (String q : new String[] { null, "a", "ca", "cafe-1", "ab10007", "cd20011-ovh", "nothing-like-it" }) {
				check(new TrackedTasks.Query(q, state, null, null, null), problems);
				check(new TrackedTasks.Query(q, state, middle, null, null), problems);
				check(new TrackedTasks.Query(q, state, null, middle, null), problems);
				check(new TrackedTasks.Query(q, state, null, null, true), problems);
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * A state's page read as a range of its own index (V24: more tasks of that state than
	 * the count's limit, no search) has exactly the rows of that state's matches
	 * collected and sorted, first page, a middle one and the last, both ways.
	 */
	@Test
	void aStatesPageReadFromItsIndexHoldsTheSameRowsAsItsSortedMatches() {
		String middle = this.accountId + "-" + (TASKS / 2);
		for (String state : new String[] { "done", "todo", "refused" }) {
			for (TrackedTasks.Query query : List.of(new TrackedTasks.Query(null, state, null, null, null),
					new TrackedTasks.Query(null, state, middle, null, null),
					new TrackedTasks.Query(null, state, null, middle, null),
					new TrackedTasks.Query(null, state, null, null, true))) {
				new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
					TrackedTasks.Plan ranged = this.tracked.plan(this.agencyId, query, TASKS / 100);
					assertThat(ranged.counted()).as("tasks %s", state).isGreaterThan(TASKS / 100);
					assertThat(ranged.collect()).as("%s read as a range", query).isNull();
					TrackedTasks.Plan sorted = this.tracked.plan(this.agencyId, query, TASKS);
					List<String> fromIndex = keys(ranged.walk(), ranged);
					assertThat(fromIndex).as("%s", query).isNotEmpty().isEqualTo(keys(sorted.collect(), sorted));
					assertThat(this.jdbc
						.sql("select distinct state from contact_change_task where agency_id = :a"
								+ " and (ovh_account_id || '-' || task_id) in (:keys)")
						.param("a", this.agencyId)
						.param("keys", fromIndex)
						.query(String.class)
						.list()).as("states on the page of %s", query).containsExactly(state);
					transaction.setRollbackOnly();
				});
			}
		}
	}

	private List<String> keys(String sql, TrackedTasks.Plan plan) {
		return this.jdbc.sql(sql)
			.params(plan.params())
			.query((row, i) -> row.getLong("ovh_account_id") + "-" + row.getLong("task_id"))
			.list();
	}

	/**
	 * Explains the count and the page's statements (the walk of the list's order, the
	 * collection of the matches when there is no walk or it stops short) as
	 * {@link TrackedTasks#page} runs them.
	 */
	private void check(TrackedTasks.Query query, List<String> problems) {
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			TrackedTasks.Plan plan = this.tracked.plan(this.agencyId, query, TASKS / 100);
			for (String sql : QueryPlans.run(this.jdbc, plan.count(), plan.walk(), plan.collect(), plan.params(),
					TrackedTasks.Query.SIZE)) {
				List<String> found = QueryPlans.problems(this.jdbc, sql, plan.params(), "contact_change_task",
						TASKS / 2);
				if (!found.isEmpty()) {
					problems.add(query + " " + found);
				}
			}
			transaction.setRollbackOnly();
		});
	}

}
