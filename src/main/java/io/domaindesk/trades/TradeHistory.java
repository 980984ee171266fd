package io.domaindesk.trades;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline of a trade and its audit trail, written together and in the caller's
 * transaction, so a state change is never kept without its event (nor the reverse). The
 * actor is the logged-in user, or the background job when there is none.
 */
@Component
class TradeHistory {

	static final String SYSTEM = "domaindesk";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	TradeHistory(JdbcClient jdbc, AuditLog audit, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.currentUser = currentUser;
	}

	/** One step of the timeline, as the page shows it. */
	public record Event(long id, OffsetDateTime occurredAt, String actor, String step, String outcome, String status,
			String detail, String ovhQueryId) {

	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(Trade trade, String step, AuditOutcome outcome, String detail, String queryId) {
		String actor = this.currentUser.find().map(DeskPrincipal::getUsername).orElse(SYSTEM);
		this.jdbc.sql("""
				insert into trade_event (trade_id, agency_id, actor, step, outcome, status, detail, ovh_query_id)
				values (:trade, :agency, :actor, :step, :outcome, :status, :detail, :query)
				""")
			.param("trade", trade.getId())
			.param("agency", trade.getAgencyId())
			.param("actor", actor)
			.param("step", step)
			.param("outcome", outcome.name().equals("DENIED") ? "FAILURE" : outcome.name())
			.param("status", trade.getStatus().name())
			.param("detail", detail)
			.param("query", queryId)
			.update();
		Map<String, Object> details = new HashMap<>();
		details.put("tradeId", trade.getId());
		details.put("status", trade.getStatus().name());
		if (detail != null) {
			details.put("detail", detail);
		}
		AuditEntry entry = new AuditEntry(trade.getAgencyId(), "trade." + step, trade.getDomainName(), details, outcome,
				queryId);
		if (this.currentUser.find().isPresent()) {
			this.audit.record(entry);
		}
		else {
			this.audit.recordAs(SYSTEM, null, entry);
		}
	}

	/** A step with nothing to report to OVHcloud support (no call, or a plain change). */
	@Transactional(propagation = Propagation.MANDATORY)
	void info(Trade trade, String step, String detail) {
		record(trade, step, AuditOutcome.SUCCESS, detail, null);
	}

	@Transactional(readOnly = true)
	List<Event> of(long tradeId) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, step, outcome, status, detail, ovh_query_id
				from trade_event where trade_id = :trade order by id
				""").param("trade", tradeId).query(Event.class).list();
	}

}
