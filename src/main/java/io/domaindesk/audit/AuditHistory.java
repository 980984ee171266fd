package io.domaindesk.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trail of some domains as other pages show it (a client's history of trades and
 * consents): read from the audit events themselves, so that the history and the evidence
 * cannot disagree.
 */
@Component
public class AuditHistory {

	private final JdbcClient jdbc;

	AuditHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One event of a domain's history. */
	public record Event(long id, Instant occurredAt, String actor, String action, String domain, String outcome) {

	}

	/**
	 * The newest events of these domains whose action starts with one of the prefixes
	 * ({@code trade.}), newest first.
	 */
	@Transactional(readOnly = true)
	public List<Event> ofDomains(long agencyId, Collection<String> domains, Collection<String> actionPrefixes,
			int limit) {
		if (domains.isEmpty() || actionPrefixes.isEmpty()) {
			return List.of();
		}
		List<String> patterns = actionPrefixes.stream()
			.map(p -> p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.toList();
		return this.jdbc.sql("""
				select id, occurred_at, actor, action, target_domain, outcome from audit_event
				where agency_id = :agency and target_domain in (:domains) and action like any (array[:patterns])
				order by occurred_at desc, id desc limit :limit
				""")
			.param("agency", agencyId)
			.param("domains", domains)
			.param("patterns", patterns)
			.param("limit", limit)
			.query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

}
