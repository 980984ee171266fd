package io.domaindesk.trades;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * Every shape of {@code /trades} lands on an index (issue 15): each state, searches of 1,
 * 2 and 3+ characters, a user, a period, combined, on the first, a middle and the last
 * page. Run with {@code EXPLAIN ANALYZE} on 3 agencies of 12,000 trades after
 * {@code VACUUM ANALYZE}, the count stopped at the same share of the agency as in
 * production (120 of 12,000 for 1,000 of 100,000): no statement may scan the table
 * sequentially, nor read more than half the agency's trades.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradeListPlanTests {

	static final int TRADES = 12_000;

	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TradeList list;

	@Autowired
	PlatformTransactionManager transactions;

	long agencyId;

	@BeforeAll
	void threeAgencies() {
		for (int a = 0; a < 3; a++) {
			long[] ids = ListSeed.agency(this.jdbc, "Trade plans " + a);
			this.agencyId = ids[0];
			ListSeed.trades(this.jdbc, this.agencyId, ids[1], 1, TRADES);
		}
		this.jdbc.sql("vacuum analyze trade").update();
	}

	@Test
	void everyFilterOnEveryPageUsesAnIndex() {
		long middle = this.jdbc.sql("select id from trade where agency_id = :a and domain_name like :d")
			.param("a", this.agencyId)
			.param("d", "%-" + (TRADES / 2) + ".fr")
			.query(Long.class)
			.single();
		LocalDate today = LocalDate.now(ZONE);
		List<String> problems = new ArrayList<>();
		for (String status : new String[] { "all", "open", "DONE", "AWAITING_APPROVAL", "FAILED" }) {
			for (String q : new String[] { null, "a", "ca", "cafe-1", "nothing-like-it" }) {
				for (String user : new String[] { null, "user-07", "nobody" }) {
					for (LocalDate from : new LocalDate[] { null, today.minusDays(3) }) {
						check(new TradeList.Query(q, status, user, from, null, null, null, null), problems);
						check(new TradeList.Query(q, status, user, from, null, middle, null, null), problems);
						check(new TradeList.Query(q, status, user, from, null, null, middle, null), problems);
						check(new TradeList.Query(q, status, user, from, null, null, null, true), problems);
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Explains the count and the page's statements (the walk of the list's order, the
	 * collection of the matches when there is no walk or it stops short) as
	 * {@link TradeList#page} runs them.
	 */
	private void check(TradeList.Query query, List<String> problems) {
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			TradeList.Plan plan = this.list.plan(this.agencyId, query, ZONE, TRADES / 100);
			for (String sql : QueryPlans.run(this.jdbc, plan.count(), plan.walk(), plan.collect(), plan.params(),
					TradeList.PAGE_SIZE)) {
				List<String> found = QueryPlans.problems(this.jdbc, sql, plan.params(), "trade", TRADES / 2);
				if (!found.isEmpty()) {
					problems.add(query + " " + found);
				}
			}
			transaction.setRollbackOnly();
		});
	}

}
