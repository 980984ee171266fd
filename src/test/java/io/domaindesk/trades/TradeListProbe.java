package io.domaindesk.trades;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import io.domaindesk.infrastructure.TimeZoneSettings;
import io.domaindesk.support.QueryPlans;
import io.domaindesk.support.UriParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the benchmarks (another package) run {@code /trades}' SQL alone, with the query a
 * URL gives, and read its plans.
 */
@Component
public class TradeListProbe {

	private final TradeList list;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	TradeListProbe(TradeList list, JdbcClient jdbc, TimeZoneSettings zone) {
		this.list = list;
		this.jdbc = jdbc;
		this.zone = zone.timeZone();
	}

	/** The list's statements for one page, as the list runs them. */
	public int page(long agencyId, String uri) {
		return this.list.page(agencyId, query(uri), this.zone).rows().size();
	}

	/** {@code EXPLAIN (ANALYZE, BUFFERS)} of the count and the page of this URL. */
	@Transactional
	public String explain(long agencyId, String uri) {
		TradeList.Plan plan = this.list.plan(agencyId, query(uri), this.zone, TradeList.COUNT_LIMIT);
		return QueryPlans.explain(this.jdbc, plan.count(), plan.counted(), plan.walk(), plan.collect(), plan.params());
	}

	static TradeList.Query query(String uri) {
		Map<String, String> p = UriParams.of(uri);
		return new TradeList.Query(p.get("q"), p.get("status"), p.get("user"), date(p.get("from")), date(p.get("to")),
				UriParams.number(p.get("before")), UriParams.number(p.get("after")), Boolean.valueOf(p.get("last")));
	}

	private static LocalDate date(String value) {
		return (value != null) ? LocalDate.parse(value) : null;
	}

}
