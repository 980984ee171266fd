package io.domaindesk.dashboard;

import java.time.OffsetDateTime;

/**
 * One change to an agency's four-eyes rule, as the dashboard shows it (public for the
 * template).
 *
 * @param mine whether the admin reading it asked for it (they may not confirm it)
 */
public record FourEyesNotice(long id, boolean fourEyes, String state, String requestedBy, OffsetDateTime requestedAt,
		String decidedBy, OffsetDateTime decidedAt, boolean mine) {

	public boolean pending() {
		return "PENDING".equals(this.state);
	}

}
