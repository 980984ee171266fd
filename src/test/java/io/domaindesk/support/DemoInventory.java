package io.domaindesk.support;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import io.domaindesk.agency.DeskPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The demo agency's inventory as flow tests need it: synced from the sandbox once, and
 * domains that no other test has touched yet (tests share one database, so each picks its
 * own).
 */
public final class DemoInventory {

	private DemoInventory() {
	}

	/**
	 * The agency's id, after a first sync through {@code POST /sync} if it never had one.
	 */
	public static long synced(JdbcClient jdbc, MockMvcTester mvc, DeskPrincipal staff) {
		long agency = staff.agencyId();
		if (jdbc.sql("select count(*) from domain where agency_id = :a")
			.param("a", agency)
			.query(Long.class)
			.single() == 0) {
			mvc.post().uri("/sync").with(user(staff)).with(csrf()).exchange();
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("select count(*) from sync_run where agency_id = :a and status <> 'RUNNING'")
					.param("a", agency)
					.query(Long.class)
					.single() > 0);
		}
		return agency;
	}

	/**
	 * Domains in state ok, administered by the agency's own nichandle, with nothing in
	 * flight and no history here: {@code count} of them from {@code offset}, in name
	 * order ({@code descending} to stay clear of other tests).
	 */
	public static List<String> untouched(JdbcClient jdbc, long agency, String agencyNichandle, int offset, int count,
			boolean descending) {
		return jdbc.sql("""
				select d.name from domain d
				where d.agency_id = :a and d.state = 'ok' and d.gone_at is null and d.contact_admin = :nic
				  and d.pending_operations = 0 and d.name not like 'fixture-%'
				  and not exists (select 1 from nic_change c where c.domain_name = d.name)
				  and not exists (select 1 from contact_change_task t where t.domain_name = d.name)
				order by d.name
				""" + (descending ? " desc" : "") + " offset :o limit :n")
			.param("a", agency)
			.param("nic", agencyNichandle)
			.param("o", offset)
			.param("n", count)
			.query(String.class)
			.list();
	}

}
