package io.domaindesk.trades;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the notifications module reads of trades: those ordered and waiting for the
 * owners' confirmation (OVHcloud's {@code DomainTrade} task still open).
 */
@Component
public class TradeNotices {

	private final JdbcClient jdbc;

	TradeNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Trades whose task waits for the owners since {@code before} or earlier. */
	public List<WaitingTrade> waitingForOwnersSince(Instant before) {
		return this.jdbc.sql("""
				select id, agency_id, domain_name, created_by, new_owner_name,
				       coalesce(task_created_at, checkout_started_at, submitted_at, created_at) as waiting_since
				from trade
				where status = 'IN_PROGRESS' and coalesce(task_status, 'todo') not in ('done', 'cancelled')
				  and coalesce(task_created_at, checkout_started_at, submitted_at, created_at) <= :before
				order by id
				""").param("before", java.sql.Timestamp.from(before)).query(WaitingTrade.class).list();
	}

	/** How many of the agency's trades are not finished. */
	public long openTrades(long agencyId) {
		return this.jdbc
			.sql("select count(*) from trade where agency_id = :a and status not in ('DONE', 'FAILED', "
					+ "'CANCELLED', 'DRAFT')")
			.param("a", agencyId)
			.query(Long.class)
			.single();
	}

	public record WaitingTrade(long id, long agencyId, String domainName, String createdBy, String newOwnerName,
			OffsetDateTime waitingSince) {
	}

}
