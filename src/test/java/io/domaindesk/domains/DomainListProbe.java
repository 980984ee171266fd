package io.domaindesk.domains;

import java.util.List;
import java.util.Map;

import io.domaindesk.support.UriParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the benchmarks (another package) run the list's SQL alone, with the filter a URL
 * gives, and read its plans.
 */
@Component
public class DomainListProbe {

	private final DomainSearch search;

	private final JdbcClient jdbc;

	DomainListProbe(DomainSearch search, JdbcClient jdbc) {
		this.search = search;
		this.jdbc = jdbc;
	}

	/**
	 * The list's statements for one page (count, cursor, page), as the list runs them.
	 */
	public int page(long agencyId, String uri) {
		return this.search.page(agencyId, filter(uri)).rows().size();
	}

	/**
	 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the count and the page's statements of this
	 * URL.
	 */
	@Transactional
	public String explain(long agencyId, String uri) {
		DomainSearch.Plan plan = this.search.plan(agencyId, filter(uri), DomainSearch.COUNT_LIMIT);
		StringBuilder text = new StringBuilder("-- count (" + plan.counted() + ")\n" + explain(plan.count()));
		if (plan.walk() != null) {
			text.append("\n-- page: walk of the sort order").append((plan.collect() != null) ? ", bounded" : "");
			text.append("\n").append(explain(plan.walk()));
		}
		if (plan.collect() != null) {
			text.append("\n-- page: ")
				.append((plan.walk() != null) ? "collection, if the walk stops short" : "collection");
			text.append("\n").append(explain(plan.collect()));
		}
		return text.toString();
	}

	private String explain(DomainSearch.Statement statement) {
		List<String> lines = this.jdbc.sql("explain (analyze, buffers) " + statement.sql())
			.params(statement.params())
			.query(String.class)
			.list();
		return String.join("\n", lines);
	}

	static DomainFilter filter(String uri) {
		Map<String, String> p = UriParams.of(uri);
		return new DomainFilter(p.get("q"), p.get("nic"), p.get("role"), p.get("tld"), p.get("state"),
				integer(p.get("expiresWithin")), Boolean.valueOf(p.get("pending")), Boolean.valueOf(p.get("drift")),
				Boolean.valueOf(p.get("gone")), p.get("sort"), p.get("dir"), integer(p.get("page")),
				integer(p.get("size")), null, p.get("after"), p.get("before"), Boolean.valueOf(p.get("last")));
	}

	private static Integer integer(String value) {
		return (value != null) ? Integer.valueOf(value) : null;
	}

}
