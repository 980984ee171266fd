package io.domaindesk.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.QueryPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape of {@code /audit} lands on an index (issue 15): each filter alone and
 * combined, on the first page, a middle one and the one above it. Run with
 * {@code EXPLAIN ANALYZE} on 3 agencies of 12,000 rows after {@code VACUUM ANALYZE}: no
 * statement may scan the table sequentially, nor read more than a tenth of the agency's
 * rows (a combined filter whose rows are rare must not walk one filter's index).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPlanTests {

	static final int ROWS = 12_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditQuery query;

	long agencyId;

	@BeforeAll
	void threeAgencies() throws Exception {
		for (int a = 0; a < 3; a++) {
			this.agencyId = this.jdbc.sql("insert into agency (name) values (:n) returning id")
				.param("n", "Audit plans " + a + " " + UUID.randomUUID().toString().substring(0, 8))
				.query(Long.class)
				.single();
			AuditSeed.load(this.dataSource, this.chain, this.agencyId, ROWS);
		}
		this.jdbc.sql("vacuum analyze audit_event").update();
	}

	@Test
	void everyFilterOnEveryPageUsesAnIndex() {
		long middle = this.jdbc.sql("select id from audit_event where agency_id = :a and seq = :s")
			.param("a", this.agencyId)
			.param("s", ROWS / 2)
			.query(Long.class)
			.single();
		String monthAgo = LocalDate.now().minusDays(30).toString();
		String[][] filters = { {}, { "action", "contact.change" }, { "outcome", "DENIED" }, { "user", "user-07" },
				{ "domain", "client-7.fr" }, { "from", monthAgo }, { "to", monthAgo },
				{ "action", "contact.change", "outcome", "FAILURE" },
				{ "action", "login.failure", "outcome", "DENIED" }, { "user", "user-07", "from", monthAgo },
				{ "domain", "client-7.fr", "action", "sync.run" }, { "user", "user-03", "outcome", "DENIED" } };
		List<String> problems = new ArrayList<>();
		for (String[] f : filters) {
			for (int page = 0; page < 3; page++) {
				AuditFilter filter = new AuditFilter(value(f, "from"), value(f, "to"), value(f, "user"),
						value(f, "action"), value(f, "domain"), value(f, "outcome"), (page == 1) ? middle : null,
						(page == 2) ? middle : null, null);
				AuditQuery.Sql sql = this.query.pageSql(this.agencyId, filter);
				List<String> found = QueryPlans.problems(this.jdbc, sql.sql(), sql.params(), "audit_event", ROWS / 10);
				if (!found.isEmpty()) {
					problems.add(filter + " " + found);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static String value(String[] filter, String name) {
		for (int i = 0; i < filter.length; i += 2) {
			if (filter[i].equals(name)) {
				return filter[i + 1];
			}
		}
		return null;
	}

}
