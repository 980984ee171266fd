package io.domaindesk.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;

import io.domaindesk.agency.DeskPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The demo agency's inventory as flow tests need it: synced from the sandbox once, and
 * domains reserved for one test (tests share one database and run in any order, so each
 * reserves its own instead of counting on an offset or an order nobody else uses).
 */
public final class DemoInventory {

	/** Domains handed out in this run, per agency: never handed out twice. */
	private static final Set<String> RESERVED = ConcurrentHashMap.newKeySet();

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
	 * Reserves {@code count} domains for the caller alone: in state ok, administered by
	 * the agency's own nichandle, with nothing in flight at OVHcloud, no nichandle
	 * change, contact-change task or trade here, and not reserved before in this run.
	 * Whatever ran before, the caller gets domains of its own, or a failure saying none
	 * are left.
	 */
	public static synchronized List<String> reserve(JdbcClient jdbc, long agency, String agencyNichandle, int count) {
		List<String> candidates = jdbc
			.sql("""
					select d.name from domain d
					where d.agency_id = :a and d.state = 'ok' and d.gone_at is null and d.contact_admin = :nic
					  and d.pending_operations = 0 and d.name not like 'fixture-%'
					  and not exists (select 1 from nic_change c where c.domain_name = d.name)
					  and not exists (select 1 from contact_change_task t where t.domain_name = d.name)
					  and not exists (select 1 from trade t where t.domain_name = d.name)
					  and not exists (select 1 from audit_event e where e.target_domain = d.name and e.action like 'owner.%')
					  and not exists (select 1 from ovh_sandbox.object o where o.kind = 'contactChange' and o.ref = d.name)
					order by d.name
					""")
			.param("a", agency)
			.param("nic", agencyNichandle)
			.query(String.class)
			.list();
		return claimFirst(agency, candidates, count);
	}

	/**
	 * Reserves the first {@code count} of these candidates (chosen by a test's own
	 * conditions) that no other test of this run reserved, or fails saying none are left.
	 */
	public static synchronized List<String> claimFirst(long agency, List<String> candidates, int count) {
		List<String> reserved = new ArrayList<>();
		for (String name : candidates) {
			if (reserved.size() == count) {
				break;
			}
			if (claim(agency, name)) {
				reserved.add(name);
			}
		}
		if (reserved.size() < count) {
			throw new IllegalStateException("Only " + reserved.size() + " free domains left for agency " + agency + ", "
					+ count + " wanted: the demo inventory is used up");
		}
		return reserved;
	}

	/**
	 * Reserves one domain a test chose by conditions of its own (an owner's legal form,
	 * say): false when another test of this run reserved it first, so the caller looks
	 * further.
	 */
	public static boolean claim(long agency, String name) {
		return RESERVED.add(agency + "/" + name);
	}

}
