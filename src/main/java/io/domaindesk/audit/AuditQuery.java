package io.domaindesk.audit;

import io.domaindesk.infrastructure.TimeZoneSettings;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an {@link AuditFilter} into SQL, always scoped to one agency. Newest first by
 * {@code (occurred_at, id)}, with keyset paging on the same pair so that each page is an
 * index range scan (see the indexes in V3) whatever its depth; no total count, which
 * would cost a scan of the agency's rows.
 */
@Component
class AuditQuery {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate cursor;

	private final ZoneId zone;

	AuditQuery(JdbcClient jdbc, DataSource dataSource, TimeZoneSettings zone) {
		this.jdbc = jdbc;
		this.cursor = new NamedParameterJdbcTemplate(dataSource);
		// Rows reach the export a thousand at a time instead of all at once.
		this.cursor.getJdbcTemplate().setFetchSize(1000);
		this.zone = zone.timeZone();
	}

	ZoneId zone() {
		return this.zone;
	}

	record Page(List<AuditRow> rows, AuditFilter filter, boolean hasNewer, boolean hasOlder) {

		public AuditFilter newer() {
			return this.filter.after(this.rows.get(0).id());
		}

		public AuditFilter older() {
			return this.filter.before(this.rows.get(this.rows.size() - 1).id());
		}

	}

	@Transactional(readOnly = true)
	Page page(long agencyId, AuditFilter filter) {
		Sql page = pageSql(agencyId, filter);
		if (page == null) {
			// A cursor from another agency or a purged row: start again from the top.
			return page(agencyId, filter.firstPage());
		}
		Long cursorId = (filter.before() != null) ? filter.before() : filter.after();
		boolean backwards = filter.after() != null;
		List<AuditRow> rows = new ArrayList<>(
				this.jdbc.sql(page.sql()).params(page.params()).query(AuditRow.class).list());
		boolean more = rows.size() > filter.size();
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (backwards) {
			Collections.reverse(rows);
			if (!more) {
				// Reached the newest rows: show the first page as it is, full.
				return page(agencyId, filter.firstPage());
			}
			return new Page(rows, filter, true, true);
		}
		return new Page(rows, filter, cursorId != null, more);
	}

	/**
	 * The page's statement, one row more than the page, or null when the cursor is not
	 * one of the agency's rows. Each filter has its index, agency first, ordered like the
	 * list (V3), so the planner walks it from the cursor.
	 */
	Sql pageSql(long agencyId, AuditFilter filter) {
		Where where = where(agencyId, filter);
		Long cursorId = (filter.before() != null) ? filter.before() : filter.after();
		boolean backwards = filter.after() != null;
		String keyset = "";
		if (cursorId != null) {
			Optional<OffsetDateTime> at = this.jdbc
				.sql("select occurred_at from audit_event where id = :id and agency_id = :agency")
				.param("id", cursorId)
				.param("agency", agencyId)
				.query(OffsetDateTime.class)
				.optional();
			if (at.isEmpty()) {
				return null;
			}
			keyset = backwards ? " and (e.occurred_at, e.id) > (:cursorAt, :cursorId)"
					: " and (e.occurred_at, e.id) < (:cursorAt, :cursorId)";
			where.params.put("cursorAt", at.get());
			where.params.put("cursorId", cursorId);
		}
		String order = backwards ? "e.occurred_at, e.id" : "e.occurred_at desc, e.id desc";
		where.params.put("limit", filter.size() + 1);
		return new Sql("select " + AuditRow.COLUMNS + " from audit_event e where " + where.sql + keyset + " order by "
				+ order + " limit :limit", where.params);
	}

	/**
	 * The export's query: every filtered row, newest first, timestamps already formatted
	 * so the same query can be timed against {@code COPY ... TO STDOUT}.
	 */
	Sql exportSql(long agencyId, AuditFilter filter) {
		Where where = where(agencyId, filter);
		where.params.put("zone", this.zone.getId());
		return new Sql("""
				select e.id, e.seq, to_char(e.occurred_at at time zone :zone, 'YYYY-MM-DD HH24:MI:SS') as occurred_at,
				       e.actor, e.actor_role, e.ip, e.action, e.target_domain, e.outcome, e.ovh_query_id,
				       e.correlation_id, e.details::text as details
				from audit_event e where """ + " " + where.sql + " order by e.occurred_at desc, e.id desc",
				where.params);
	}

	static final List<String> EXPORT_COLUMNS = List.of("id", "seq", "occurred_at", "actor", "actor_role", "ip",
			"action", "target_domain", "outcome", "ovh_query_id", "correlation_id", "details");

	/** Streams the export rows; the caller must be inside a transaction (cursor). */
	void forEach(long agencyId, AuditFilter filter, RowCallbackHandler handler) {
		Sql sql = exportSql(agencyId, filter);
		this.cursor.query(sql.sql(), sql.params(), handler);
	}

	private Where where(long agencyId, AuditFilter filter) {
		List<String> clauses = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		clauses.add("e.agency_id = :agency");
		params.put("agency", agencyId);
		if (filter.fromDate() != null) {
			clauses.add("e.occurred_at >= :from");
			params.put("from", filter.fromDate().atStartOfDay(this.zone).toOffsetDateTime());
		}
		if (filter.toDate() != null) {
			clauses.add("e.occurred_at < :to");
			params.put("to", filter.toDate().plusDays(1).atStartOfDay(this.zone).toOffsetDateTime());
		}
		if (filter.user() != null) {
			clauses.add("e.actor = :user");
			params.put("user", filter.user());
		}
		if (filter.action() != null) {
			clauses.add("e.action = :action");
			params.put("action", filter.action());
		}
		if (filter.domain() != null) {
			clauses.add("e.target_domain = :domain");
			params.put("domain", filter.domain());
		}
		if (filter.outcome() != null) {
			clauses.add("e.outcome = :outcome");
			params.put("outcome", filter.outcome());
		}
		return new Where(String.join(" and ", clauses), params);
	}

	record Sql(String sql, Map<String, Object> params) {
	}

	private record Where(String sql, Map<String, Object> params) {
	}

}
