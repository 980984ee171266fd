package io.domaindesk.clients;

import java.util.Map;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The agency's consent rule; an agency that never chose has it offered (optional). */
@Component
class ConsentSettings {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ConsentSettings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	ConsentMode mode(long agencyId) {
		return this.jdbc.sql("select consent_mode from client_settings where agency_id = :agency")
			.param("agency", agencyId)
			.query(String.class)
			.optional()
			.map(ConsentMode::valueOf)
			.orElse(ConsentMode.OPTIONAL);
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	void setMode(long agencyId, ConsentMode mode) {
		this.jdbc.sql("""
				insert into client_settings (agency_id, consent_mode) values (:agency, :mode)
				on conflict (agency_id) do update set consent_mode = excluded.consent_mode
				""").param("agency", agencyId).param("mode", mode.name()).update();
		this.audit
			.record(AuditEntry.of(agencyId, "consent.settings", AuditOutcome.SUCCESS, Map.of("mode", mode.name())));
	}

}
