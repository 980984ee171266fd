package io.domaindesk.clients;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.domaindesk.infrastructure.ListPlanner;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.QueryPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape of {@code /clients} ({@link ClientShapes}, the shapes the benchmark times)
 * lands on an index: explained with {@code EXPLAIN ANALYZE} on 3 agencies of
 * {@value #CLIENTS} clients after {@code VACUUM ANALYZE}, no statement scans the client
 * table sequentially, none reads another agency's clients, and a page without search
 * reads at most half of its agency's clients (a deep page from the list's other end),
 * whatever the order and page. Explained with the list's planner settings, as
 * {@link ClientList#page} runs them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientPlanTests {

	static final int CLIENTS = 9_000;

	static final int PAGES = (CLIENTS + 24) / 25;

	static final String[] FIRST = { "Jean", "Hélène", "Marc", "Zoé", "Lucas", "Amélie", "Noël", "Björn", "Inès",
			"Paul" };

	static final String[] LAST = { "Martin", "Dupont", "Müller", "Garçon", "Lefèvre", "Bernard", "Roux", "Petit",
			"Moreau", "Fournier", "Girard", "Bonnet", "Lambert", "Faure", "Rousseau", "Blanc", "Guérin", "Muller",
			"Henry", "Roussel" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate batch;

	@Autowired
	ClientList clients;

	@Autowired
	PlatformTransactionManager transactions;

	long agencyId;

	@BeforeAll
	void threeAgencies() {
		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
		for (int a = 0; a < 3; a++) {
			long agency = this.jdbc.sql("insert into agency (name) values (:n) returning id")
				.param("n", "Client plans " + a + " " + UUID.randomUUID().toString().substring(0, 8))
				.query(Long.class)
				.single();
			List<Object[]> rows = new ArrayList<>(CLIENTS);
			for (int i = 0; i < CLIENTS; i++) {
				String name = (i % 7 == 0) ? LAST[i % LAST.length] + " SARL " + i
						: FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length] + " " + i;
				String email = "contact" + i + "@example" + (i % 3) + ".fr";
				rows.add(new Object[] { agency, name, email, ClientIdentity.cut(ClientIdentity.normalise(name), 255),
						ClientGrouping.searchText(name, null, email), 1 + i % 9,
						(i % 50 == 0) ? null : Timestamp.from(today.plus(i % 700, ChronoUnit.DAYS)) });
			}
			this.batch.batchUpdate("""
					insert into client (agency_id, name, email, sort_name, search_text, domain_count, next_expiry)
					values (?, ?, ?, ?, ?, ?, ?)
					""", rows);
			this.agencyId = agency;
		}
		this.jdbc.sql("vacuum analyze client").update();
	}

	@Test
	void everyShapeOfTheListUsesAnIndex() {
		List<String> problems = new ArrayList<>();
		for (String[] shape : ClientShapes.matrix(PAGES)) {
			ClientFilter filter = ClientShapes.filter(shape[1]);
			new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
				ListPlanner.settings(this.jdbc);
				ClientList.Statements statements = statements(filter);
				// A page without search reads at most half the agency's clients, from the
				// nearer end; a search reads at most the agency's clients, never
				// another's.
				long pageLimit = (filter.q() == null) ? CLIENTS / 2 + filter.size() : CLIENTS;
				for (String problem : QueryPlans.problems(this.jdbc, statements.count(), statements.params(), "client",
						CLIENTS)) {
					problems.add(shape[0] + " (count): " + problem);
				}
				for (String problem : QueryPlans.problems(this.jdbc, statements.page(), statements.params(), "client",
						pageLimit)) {
					problems.add(shape[0] + " (page): " + problem);
				}
				transaction.setRollbackOnly();
			});
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Read from either end, every page is the one the plain query gives: each order in
	 * both directions (clients without a next expiry last), first, middle and last page,
	 * with and without a search.
	 */
	@Test
	void everyPageIsThePlainQuerysPage() {
		List<String> problems = new ArrayList<>();
		for (String[] shape : ClientShapes.matrix(PAGES)) {
			ClientFilter filter = ClientShapes.filter(shape[1]);
			ClientList.Page page = this.clients.page(this.agencyId, filter);
			if (page.rows().isEmpty() && filter.page() > page.pages()) {
				filter = filter.withPage(page.pages());
				page = this.clients.page(this.agencyId, filter);
			}
			List<Long> shown = page.rows().stream().map(ClientList.Row::id).toList();
			List<Long> expected = plainQuery(filter);
			if (!shown.equals(expected)) {
				problems.add(shape[0] + "\n  shown    " + shown + "\n  expected " + expected);
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The statements {@link ClientList#page} runs for this filter, as it runs them. */
	private ClientList.Statements statements(ClientFilter filter) {
		ClientList.Statements count = ClientList.count(this.agencyId, filter);
		long total = this.jdbc.sql(count.count()).params(count.params()).query(Long.class).single();
		int last = (int) Math.max(1, (total + filter.size() - 1) / filter.size());
		// A bookmark past the end: the controller reads the last page.
		return ClientList.statements(this.agencyId, (filter.page() > last) ? filter.withPage(last) : filter, total);
	}

	private List<Long> plainQuery(ClientFilter filter) {
		String column = ClientFilter.SORTS.get(filter.sort());
		String dir = filter.dir();
		return this.jdbc
			.sql("select c.id from client c where c.agency_id = :a and c.search_text like :q order by " + column + " "
					+ dir + " nulls last, c.id " + dir + " limit :limit offset :offset")
			.param("a", this.agencyId)
			.param("q", "%" + ((filter.q() != null) ? ClientIdentity.normalise(filter.q()) : "") + "%")
			.param("limit", filter.size())
			.param("offset", filter.offset())
			.query(Long.class)
			.list();
	}

}
