package io.domaindesk.audit;

import io.domaindesk.infrastructure.TimeZoneSettings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes whole closed months older than an agency's retention
 * ({@code agency.audit_retention_months}) through the database function
 * {@code audit_purge}, which moves the chain's anchor so that what remains still
 * verifies. With 12 months, on 15 June 2025 everything before 1 June 2024 goes. The purge
 * is itself recorded in the chain.
 */
@Component
class AuditRetention {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ZoneId zone;

	private final int platformRetentionMonths;

	AuditRetention(JdbcClient jdbc, AuditLog audit, TimeZoneSettings zone, AuditSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.zone = zone.timeZone();
		this.platformRetentionMonths = settings.platformRetentionMonths();
	}

	/** The first instant kept: the start of the month {@code months} before this one. */
	static OffsetDateTime cutoff(LocalDate today, int months, ZoneId zone) {
		return today.withDayOfMonth(1).minusMonths(months).atStartOfDay(zone).toOffsetDateTime();
	}

	/** Purges every chain; returns the rows removed. */
	long purgeAll(LocalDate today) {
		long removed = purge(0L, cutoff(today, this.platformRetentionMonths, this.zone));
		for (Map<String, Object> agency : this.jdbc.sql("select id, audit_retention_months from agency order by id")
			.query()
			.listOfRows()) {
			long id = ((Number) agency.get("id")).longValue();
			int months = ((Number) agency.get("audit_retention_months")).intValue();
			removed += purge(id, cutoff(today, months, this.zone));
		}
		return removed;
	}

	@Transactional
	long purge(long chainId, OffsetDateTime before) {
		Long removed = this.jdbc.sql("select audit_purge(:chain, :before)")
			.param("chain", chainId)
			.param("before", before)
			.query(Long.class)
			.single();
		if (removed != null && removed > 0) {
			this.audit.recordAs(null, null, new AuditEntry((chainId != 0) ? chainId : null, "audit.purge", null,
					Map.of("before", before.toString(), "rows", removed), AuditOutcome.SUCCESS, null));
		}
		return (removed != null) ? removed : 0;
	}

}
