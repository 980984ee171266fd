package io.domaindesk.trades;

import java.util.LinkedHashMap;
import java.util.Map;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency's trade rule: with four eyes (the default) the user who started or submitted
 * a trade cannot approve it. Four eyes means two people, so turning it off is itself
 * four-eyes: in an agency with another enabled agency admin the request waits for that
 * admin's confirmation (never the requester's); in a one-admin agency, where nobody could
 * ever confirm, it applies at once and the audit says why. Turning it on, the safe
 * direction, applies at once and withdraws a waiting request. Each change is a
 * {@code four_eyes_change} row that every admin of the agency sees on the dashboard.
 * Transitions are conditional updates ({@code where state = 'PENDING'}), so two admins
 * acting at once cannot both decide a request.
 */
@Component
class TradeSettings {

	/** What a request to change the rule did, for the page's message. */
	enum Outcome {

		UNCHANGED, TURNED_ON, TURNED_OFF_ONLY_ADMIN, REQUESTED, ALREADY_REQUESTED, CONFIRMED, OWN_REQUEST, CANCELLED,
		NOT_PENDING

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	TradeSettings(JdbcClient jdbc, AuditLog audit, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.currentUser = currentUser;
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
	Outcome setFourEyes(boolean fourEyes) {
		DeskPrincipal me = this.currentUser.get();
		long agencyId = this.currentUser.agencyId();
		// Lock the agency row: two admins changing the rule at once are serialised.
		boolean current = this.jdbc.sql("select four_eyes_trades from agency where id = :agency for update")
			.param("agency", agencyId)
			.query(Boolean.class)
			.single();
		if (fourEyes) {
			int withdrawn = this.jdbc.sql("""
					update four_eyes_change set state = 'CANCELLED', decided_by = :me, decided_at = now()
					where agency_id = :agency and state = 'PENDING'
					""").param("me", me.getUsername()).param("agency", agencyId).update();
			if (current) {
				return withdrawn > 0 ? Outcome.CANCELLED : Outcome.UNCHANGED;
			}
			apply(agencyId, true, me.getUsername(), "turned on");
			return Outcome.TURNED_ON;
		}
		if (!current) {
			return Outcome.UNCHANGED;
		}
		if (pending(agencyId) != null) {
			return Outcome.ALREADY_REQUESTED;
		}
		long otherAdmins = this.jdbc.sql("""
				select count(*) from app_user
				where agency_id = :agency and role = 'AGENCY_ADMIN' and enabled and username <> :me
				""").param("agency", agencyId).param("me", me.getUsername()).query(Long.class).single();
		if (otherAdmins == 0) {
			apply(agencyId, false, me.getUsername(), "only agency admin");
			return Outcome.TURNED_OFF_ONLY_ADMIN;
		}
		long id = this.jdbc.sql("""
				insert into four_eyes_change (agency_id, four_eyes, state, requested_by)
				values (:agency, false, 'PENDING', :me) returning id
				""").param("agency", agencyId).param("me", me.getUsername()).query(Long.class).single();
		this.audit.record(AuditEntry.of(agencyId, "trade.settings.requested", AuditOutcome.SUCCESS,
				Map.of("fourEyes", false, "change", id)));
		return Outcome.REQUESTED;
	}

	/**
	 * A second admin confirms a waiting request to turn four eyes off; the requester
	 * cannot. Another agency's request answers {@link Outcome#NOT_PENDING}, like a
	 * decided one.
	 */
	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	Outcome confirm(long changeId) {
		DeskPrincipal me = this.currentUser.get();
		long agencyId = this.currentUser.agencyId();
		String requester = pendingRequester(agencyId, changeId);
		if (requester == null) {
			return Outcome.NOT_PENDING;
		}
		if (requester.equalsIgnoreCase(me.getUsername())) {
			this.audit.record(AuditEntry.of(agencyId, "trade.settings.confirm", AuditOutcome.DENIED,
					Map.of("change", changeId, "reason", "own request")));
			return Outcome.OWN_REQUEST;
		}
		int decided = this.jdbc.sql("""
				update four_eyes_change set state = 'APPLIED', decided_by = :me, decided_at = now()
				where id = :id and agency_id = :agency and state = 'PENDING' and requested_by <> :me
				""").param("me", me.getUsername()).param("id", changeId).param("agency", agencyId).update();
		if (decided == 0) {
			return Outcome.NOT_PENDING;
		}
		update(agencyId, false);
		this.audit.record(AuditEntry.of(agencyId, "trade.settings", AuditOutcome.SUCCESS, Map.of("fourEyes", false,
				"reason", "confirmed by a second admin", "requestedBy", requester, "change", changeId)));
		return Outcome.CONFIRMED;
	}

	/**
	 * Any admin of the agency, the requester included, withdraws or refuses a request.
	 */
	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	Outcome cancel(long changeId) {
		DeskPrincipal me = this.currentUser.get();
		long agencyId = this.currentUser.agencyId();
		int decided = this.jdbc.sql("""
				update four_eyes_change set state = 'CANCELLED', decided_by = :me, decided_at = now()
				where id = :id and agency_id = :agency and state = 'PENDING'
				""").param("me", me.getUsername()).param("id", changeId).param("agency", agencyId).update();
		if (decided == 0) {
			return Outcome.NOT_PENDING;
		}
		this.audit.record(
				AuditEntry.of(agencyId, "trade.settings.cancelled", AuditOutcome.SUCCESS, Map.of("change", changeId)));
		return Outcome.CANCELLED;
	}

	/** Hides a decided change from the current admin's dashboard. */
	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional
	void dismiss(long changeId) {
		this.jdbc.sql("""
				insert into four_eyes_change_dismissal (change_id, user_id)
				select id, :user from four_eyes_change where id = :id and agency_id = :agency and state <> 'PENDING'
				on conflict do nothing
				""")
			.param("user", this.currentUser.get().userId())
			.param("id", changeId)
			.param("agency", this.currentUser.agencyId())
			.update();
	}

	/** Whether the change belongs to the current admin's agency. */
	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	@Transactional(readOnly = true)
	boolean isOwn(long changeId) {
		return this.jdbc.sql("select count(*) from four_eyes_change where id = :id and agency_id = :agency")
			.param("id", changeId)
			.param("agency", this.currentUser.agencyId())
			.query(Long.class)
			.single() > 0;
	}

	private Long pending(long agencyId) {
		return this.jdbc.sql("select id from four_eyes_change where agency_id = :agency and state = 'PENDING'")
			.param("agency", agencyId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private String pendingRequester(long agencyId, long changeId) {
		return this.jdbc.sql(
				"select requested_by from four_eyes_change where id = :id and agency_id = :agency and state = 'PENDING'")
			.param("id", changeId)
			.param("agency", agencyId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void apply(long agencyId, boolean fourEyes, String by, String reason) {
		update(agencyId, fourEyes);
		long id = this.jdbc.sql("""
				insert into four_eyes_change (agency_id, four_eyes, state, requested_by, decided_by, decided_at)
				values (:agency, :value, 'APPLIED', :by, :by, now()) returning id
				""").param("agency", agencyId).param("value", fourEyes).param("by", by).query(Long.class).single();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("fourEyes", fourEyes);
		details.put("reason", reason);
		details.put("change", id);
		this.audit.record(AuditEntry.of(agencyId, "trade.settings", AuditOutcome.SUCCESS, details));
	}

	private void update(long agencyId, boolean fourEyes) {
		this.jdbc.sql("update agency set four_eyes_trades = :value where id = :agency")
			.param("value", fourEyes)
			.param("agency", agencyId)
			.update();
	}

}
