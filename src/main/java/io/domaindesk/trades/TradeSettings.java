package io.domaindesk.trades;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency's trade rule: with four eyes (the default) the user who submitted a trade
 * cannot approve it; a one-person agency switches it off.
 */
@Component
class TradeSettings {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	TradeSettings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	boolean fourEyes(long agencyId) {
		return this.jdbc.sql("select four_eyes_trades from agency where id = :agency")
			.param("agency", agencyId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	void setFourEyes(long agencyId, boolean fourEyes) {
		this.jdbc.sql("update agency set four_eyes_trades = :value where id = :agency")
			.param("value", fourEyes)
			.param("agency", agencyId)
			.update();
		this.audit.record(AuditEntry.of(agencyId, "trade.settings", AuditOutcome.SUCCESS,
				java.util.Map.of("fourEyes", fourEyes)));
	}

}
