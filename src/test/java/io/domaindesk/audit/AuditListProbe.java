package io.domaindesk.audit;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.domaindesk.support.UriParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets the benchmarks (another package) run {@code /audit}'s SQL alone, with the filter a
 * URL gives, and read its plan.
 */
@Component
public class AuditListProbe {

	private final AuditQuery query;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final AuditChain chain;

	AuditListProbe(AuditQuery query, JdbcClient jdbc, DataSource dataSource, AuditChain chain) {
		this.query = query;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.chain = chain;
	}

	/**
	 * Appends {@code rows} sealed rows to the agency's chain, after the rows already
	 * there (a login writes one), spread over the last year.
	 */
	public void seed(long agencyId, int rows) throws Exception {
		Map<String, Object> tip = this.jdbc
			.sql("select seq, hash from audit_event where chain_id = :a order by seq desc limit 1")
			.param("a", agencyId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of("seq", 0L, "hash", AuditChain.GENESIS));
		AuditSeed.load(this.dataSource, this.chain, agencyId, rows, ((Number) tip.get("seq")).longValue(),
				(byte[]) tip.get("hash"));
		this.jdbc.sql("analyze audit_event").update();
	}

	/** The list's statements for one page, as the list runs them. */
	public int page(long agencyId, String uri) {
		return this.query.page(agencyId, filter(uri)).rows().size();
	}

	/**
	 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the page of this URL (the list counts
	 * nothing).
	 */
	public String explain(long agencyId, String uri) {
		AuditQuery.Sql sql = this.query.pageSql(agencyId, filter(uri));
		List<String> lines = this.jdbc.sql("explain (analyze, buffers) " + sql.sql())
			.params(sql.params())
			.query(String.class)
			.list();
		return "-- page\n" + String.join("\n", lines);
	}

	static AuditFilter filter(String uri) {
		Map<String, String> p = UriParams.of(uri);
		return new AuditFilter(p.get("from"), p.get("to"), p.get("user"), p.get("action"), p.get("domain"),
				p.get("outcome"), UriParams.number(p.get("before")), UriParams.number(p.get("after")),
				(p.get("size") != null) ? Integer.valueOf(p.get("size")) : null);
	}

}
