package io.domaindesk.domains;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

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

	/** {@code EXPLAIN (ANALYZE, BUFFERS)} of the count and the page of this URL. */
	public String explain(long agencyId, String uri) {
		DomainSearch.Plan plan = this.search.plan(agencyId, filter(uri), DomainSearch.COUNT_LIMIT);
		return "-- count (" + plan.counted() + ")\n" + explain(plan.count()) + "\n-- page\n" + explain(plan.page());
	}

	private String explain(DomainSearch.Statement statement) {
		List<String> lines = this.jdbc.sql("explain (analyze, buffers) " + statement.sql())
			.params(statement.params())
			.query(String.class)
			.list();
		return String.join("\n", lines);
	}

	static DomainFilter filter(String uri) {
		Map<String, String> p = UriComponentsBuilder.fromUriString(uri)
			.build()
			.getQueryParams()
			.toSingleValueMap()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					e -> java.net.URLDecoder.decode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
		return new DomainFilter(p.get("q"), p.get("nic"), p.get("role"), p.get("tld"), p.get("state"),
				integer(p.get("expiresWithin")), Boolean.valueOf(p.get("pending")), Boolean.valueOf(p.get("drift")),
				Boolean.valueOf(p.get("gone")), p.get("sort"), p.get("dir"), integer(p.get("page")),
				integer(p.get("size")), null, p.get("after"), p.get("before"), Boolean.valueOf(p.get("last")));
	}

	private static Integer integer(String value) {
		return (value != null) ? Integer.valueOf(value) : null;
	}

}
