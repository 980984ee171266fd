package io.domaindesk.domains;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the notifications module reads of the inventory for the weekly digest.
 */
@Component
public class DomainNotices {

	private final JdbcClient jdbc;

	DomainNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The agency's domains expiring before {@code until}, soonest first. */
	public List<Expiring> expiringBefore(long agencyId, Instant until) {
		return this.jdbc.sql("""
				select unicode_name, expires_at from domain
				where agency_id = :a and gone_at is null and expires_at >= now() and expires_at < :until
				order by expires_at, unicode_name
				""").param("a", agencyId).param("until", java.sql.Timestamp.from(until)).query(Expiring.class).list();
	}

	/** The agency's domains with an operation in progress. */
	public List<String> withPendingOperations(long agencyId) {
		return this.jdbc.sql("""
				select unicode_name from domain
				where agency_id = :a and gone_at is null and pending_operations > 0 order by unicode_name
				""").param("a", agencyId).query(String.class).list();
	}

	/** Changes made outside DomainDesk that a sync found since {@code since}. */
	public List<Drift> driftSince(long agencyId, Instant since) {
		return this.jdbc.sql("""
				select d.unicode_name, f.field, f.detected_at from domain_drift f join domain d on d.id = f.domain_id
				where f.agency_id = :a and f.detected_at >= :since
				order by f.detected_at desc
				""").param("a", agencyId).param("since", java.sql.Timestamp.from(since)).query(Drift.class).list();
	}

	public record Expiring(String unicodeName, OffsetDateTime expiresAt) {
	}

	public record Drift(String unicodeName, String field, OffsetDateTime detectedAt) {
	}

}
