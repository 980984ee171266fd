package io.domaindesk.dashboard;

import io.domaindesk.infrastructure.TimeZoneSettings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the figures of one agency from the inventory ({@code domain}, {@code sync_run})
 * and the audit trail. Counts use the same rules as the lists they link to (a domain
 * "expiring within 30 days" includes the already expired, as {@code /domains} does), so a
 * figure and its list agree.
 */
@Component
class AgencyDashboard {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	AgencyDashboard(JdbcClient jdbc, TimeZoneSettings zone) {
		this.jdbc = jdbc;
		this.zone = zone.timeZone();
	}

	ZoneId zone() {
		return this.zone;
	}

	/** The first day of the 30-day window, for the links to the audit list. */
	LocalDate attentionSince() {
		return LocalDate.now(this.zone).minusDays(30);
	}

	@Transactional(readOnly = true)
	AgencyFigures figures(long agencyId, String agencyName, int recentRows) {
		List<AgencyFigures.Count> states = this.jdbc.sql("""
				select coalesce(state, '') as label, count(*) as count from domain
				where agency_id = :agency and gone_at is null group by state order by count(*) desc, state
				""").param("agency", agencyId).query(AgencyFigures.Count.class).list();
		long domains = states.stream().mapToLong(AgencyFigures.Count::count).sum();
		Map<String, Object> expiring = this.jdbc.sql("""
				select count(*) filter (where expires_at <= now() + interval '30 days') as d30,
				       count(*) filter (where expires_at <= now() + interval '60 days') as d60,
				       count(*) filter (where expires_at <= now() + interval '90 days') as d90
				from domain where agency_id = :agency and gone_at is null
				""").param("agency", agencyId).query().singleRow();
		AgencyFigures.LastSync lastSync = this.jdbc.sql("""
				select status, started_at, finished_at, error_message, error_query_id from sync_run
				where agency_id = :agency order by started_at desc limit 1
				""").param("agency", agencyId).query(AgencyFigures.LastSync.class).optional().orElse(null);
		Map<String, Object> attention = this.jdbc.sql("""
				select count(*) filter (where outcome = 'FAILURE') as failures,
				       count(*) filter (where outcome = 'UNKNOWN') as unknown
				from audit_event
				where agency_id = :agency and outcome in ('FAILURE', 'UNKNOWN') and occurred_at >= :since
				""")
			.param("agency", agencyId)
			.param("since", attentionSince().atStartOfDay(this.zone).toOffsetDateTime())
			.query()
			.singleRow();
		Map<String, Object> ovh = this.jdbc.sql("""
				select count(*) as calls, count(*) filter (where outcome = 'FAILURE') as failures
				from audit_event
				where agency_id = :agency and occurred_at >= now() - interval '24 hours' and ovh_query_id is not null
				""").param("agency", agencyId).query().singleRow();
		List<AgencyFigures.Activity> recent = this.jdbc.sql("""
				select id, occurred_at, actor, action, target_domain, outcome from audit_event
				where agency_id = :agency order by occurred_at desc, id desc limit :limit
				""").param("agency", agencyId).param("limit", recentRows).query(AgencyFigures.Activity.class).list();
		return new AgencyFigures(agencyId, agencyName, states, domains, number(expiring, "d30"),
				number(expiring, "d60"), number(expiring, "d90"), lastSync, number(attention, "failures"),
				number(attention, "unknown"), number(ovh, "calls"), number(ovh, "failures"), recent,
				workflowFigures(agencyId));
	}

	/**
	 * Where the nic-change and owner-trade figures go (changes waiting for acceptance,
	 * trades awaiting approval, ...), once the contacts and trades modules exist: each a
	 * {@link AgencyFigures.Count} whose label is a message key. Empty until then, rather
	 * than made-up numbers; the template's {@code workflows} fragment shows them.
	 */
	List<AgencyFigures.Count> workflowFigures(long agencyId) {
		Map<String, Object> nic = this.jdbc.sql("""
				select
				  count(*) filter (where state in ('todo', 'validatingByCustomers')) as waiting_parties,
				  count(*) filter (where state in ('checkValidity', 'doing')) as waiting_ovh,
				  count(*) filter (where state in ('todo', 'validatingByCustomers', 'checkValidity', 'doing')
				                     and date_request < now() - interval '6 days') as expiring
				from contact_change_task where agency_id = :agency
				""").param("agency", agencyId).query().singleRow();
		Map<String, Object> ours = this.jdbc.sql("""
				select
				  count(*) filter (where status in ('UNKNOWN', 'SUBMITTING')) as unknown,
				  count(*) filter (where status = 'FAILED' and updated_at > now() - interval '7 days') as failed,
				  (select count(*) from nic_change_batch b where b.agency_id = :agency
				     and b.status in ('RUNNING', 'PAUSED')) as batches
				from nic_change where agency_id = :agency
				""").param("agency", agencyId).query().singleRow();
		Map<String, Object> trades = this.jdbc.sql("""
				select
				  count(*) filter (where status = 'AWAITING_APPROVAL') as awaiting,
				  count(*) filter (where status in ('ORDERED', 'IN_PROGRESS')) as in_progress,
				  count(*) filter (where status in ('CHECKING_OUT', 'UNKNOWN')) as unknown
				from trade where agency_id = :agency
				""").param("agency", agencyId).query().singleRow();
		return List.of(new AgencyFigures.Count("dashboard.nic.waitingParties", number(nic, "waiting_parties")),
				new AgencyFigures.Count("dashboard.nic.waitingOvh", number(nic, "waiting_ovh")),
				new AgencyFigures.Count("dashboard.nic.expiring", number(nic, "expiring")),
				new AgencyFigures.Count("dashboard.nic.unknown", number(ours, "unknown")),
				new AgencyFigures.Count("dashboard.nic.failed", number(ours, "failed")),
				new AgencyFigures.Count("dashboard.nic.batches", number(ours, "batches")),
				new AgencyFigures.Count("dashboard.trade.awaitingApproval", number(trades, "awaiting")),
				new AgencyFigures.Count("dashboard.trade.inProgress", number(trades, "in_progress")),
				new AgencyFigures.Count("dashboard.trade.unknown", number(trades, "unknown")));
	}

	@Transactional(readOnly = true)
	List<AgencyFigures> allAgencies(int recentRows) {
		return this.jdbc.sql("select id, name from agency order by name")
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name")))
			.list()
			.stream()
			.map(agency -> figures(agency.getKey(), agency.getValue(), recentRows))
			.toList();
	}

	private static long number(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
