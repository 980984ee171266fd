package io.domaindesk.dashboard;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the agency's four-eyes rule (the trades module's {@code four_eyes_change}),
 * as every admin of the agency sees them on the dashboard: a request waiting for a second
 * admin until it is decided, a decided change until this admin dismisses it or for
 * {@link #SHOWN_DAYS} days.
 */
@Component
class FourEyesNotices {

	static final int SHOWN_DAYS = 14;

	private final JdbcClient jdbc;

	FourEyesNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<FourEyesNotice> forAdmin(long agencyId, long userId, String username) {
		return this.jdbc.sql("""
				select c.id, c.four_eyes, c.state, c.requested_by, c.requested_at, c.decided_by, c.decided_at,
				       lower(c.requested_by) = lower(:me) as mine
				from four_eyes_change c
				where c.agency_id = :agency
				  and (c.state = 'PENDING'
				       or (c.decided_at > now() - make_interval(days => :days)
				           and not exists (select 1 from four_eyes_change_dismissal d
				                           where d.change_id = c.id and d.user_id = :user)))
				order by c.requested_at desc, c.id desc
				limit 10
				""")
			.param("agency", agencyId)
			.param("user", userId)
			.param("me", username)
			.param("days", SHOWN_DAYS)
			.query(FourEyesNotice.class)
			.list();
	}

}
