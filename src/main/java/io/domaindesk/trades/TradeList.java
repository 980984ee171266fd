package io.domaindesk.trades;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code /trades}: the agency's trades, those awaiting approval first, filtered by
 * domain, state, period and user, a page at a time.
 */
@Component
class TradeList {

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	TradeList(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The filters, as they come from the URL; blank means any. */
	public record Query(String q, String status, String user, LocalDate from, LocalDate to, Integer page) {

		public Query {
			status = (status == null || status.isBlank()) ? "all" : status;
			page = (page == null || page < 1) ? 1 : page;
		}

	}

	public record Row(long id, String domainName, String status, String oldOwnerName, String newOwnerName,
			String optionPrice, String createdBy, OffsetDateTime createdAt, String submittedBy, String approvedBy,
			Long orderId, Long taskId, String taskStatus, OffsetDateTime updatedAt) {

	}

	public record Page(Query query, List<Row> rows, long total) {

		public int pages() {
			return (int) Math.max(1, (this.total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

	@Transactional(readOnly = true)
	Page page(long agencyId, Query query, ZoneId zone) {
		String where = """
				where agency_id = :agency
				  and (:q = '' or domain_name like '%' || lower(:q) || '%')
				  and (:status = 'all' or (:status = 'open' and status not in ('DONE', 'FAILED', 'CANCELLED'))
				       or status = :status)
				  and (:user = '' or created_by = :user or submitted_by = :user or approved_by = :user)
				  and (cast(:from as timestamptz) is null or created_at >= cast(:from as timestamptz))
				  and (cast(:to as timestamptz) is null or created_at < cast(:to as timestamptz))
				""";
		OffsetDateTime from = (query.from() != null) ? query.from().atStartOfDay(zone).toOffsetDateTime() : null;
		OffsetDateTime to = (query.to() != null) ? query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime() : null;
		String q = (query.q() != null) ? query.q().strip() : "";
		String user = (query.user() != null) ? query.user().strip() : "";
		long total = this.jdbc.sql("select count(*) from trade " + where)
			.param("agency", agencyId)
			.param("q", q)
			.param("status", query.status())
			.param("user", user)
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		List<Row> rows = this.jdbc.sql("""
				select id, domain_name, status, old_owner_name, new_owner_name, option_price, created_by, created_at,
				       submitted_by, approved_by, order_id, task_id, task_status, updated_at
				from trade
				""" + where + """
				order by case when status = 'AWAITING_APPROVAL' then 0 else 1 end, created_at desc, id desc
				limit :limit offset :offset
				""")
			.param("agency", agencyId)
			.param("q", q)
			.param("status", query.status())
			.param("user", user)
			.param("from", from)
			.param("to", to)
			.param("limit", PAGE_SIZE)
			.param("offset", (query.page() - 1) * PAGE_SIZE)
			.query(Row.class)
			.list();
		return new Page(query, rows, total);
	}

}
