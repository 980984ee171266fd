package io.domaindesk.contacts;

import java.util.Map;

import io.domaindesk.support.QueryPlans;
import io.domaindesk.support.UriParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the benchmarks (another package) run {@code /nic-changes}' SQL alone, with the
 * query a URL gives, and read its plans.
 */
@Component
public class TaskListProbe {

	private final TrackedTasks tracked;

	private final JdbcClient jdbc;

	TaskListProbe(TrackedTasks tracked, JdbcClient jdbc) {
		this.tracked = tracked;
		this.jdbc = jdbc;
	}

	/** The list's statements for one page, as the list runs them. */
	public int page(long agencyId, String uri) {
		return this.tracked.page(agencyId, query(uri)).tasks().size();
	}

	/** {@code EXPLAIN (ANALYZE, BUFFERS)} of the count and the page of this URL. */
	@Transactional
	public String explain(long agencyId, String uri) {
		TrackedTasks.Plan plan = this.tracked.plan(agencyId, query(uri), TrackedTasks.COUNT_LIMIT);
		return QueryPlans.explain(this.jdbc, plan.count(), plan.counted(), plan.walk(), plan.collect(), plan.params());
	}

	static TrackedTasks.Query query(String uri) {
		Map<String, String> p = UriParams.of(uri);
		return new TrackedTasks.Query(p.get("q"), p.get("state"), p.get("before"), p.get("after"),
				Boolean.valueOf(p.get("last")));
	}

}
