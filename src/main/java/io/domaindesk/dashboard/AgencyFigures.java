package io.domaindesk.dashboard;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One agency's figures, as the dashboard shows them.
 */
public record AgencyFigures(long agencyId, String agencyName, List<Count> states, long domains, long expiring30,
		long expiring60, long expiring90, LastSync lastSync, long failures30d, long unknown30d, long ovhCalls24h,
		long ovhFailures24h, List<Activity> recent, List<Count> workflows) {

	/** A bar of a chart: a label, its count, and its share of the total for the width. */
	public record Count(String label, long count) {

		public long percentOf(long total) {
			return (total > 0) ? Math.round(100.0 * this.count / total) : 0;
		}

	}

	public record LastSync(String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, String errorMessage,
			String errorQueryId) {
	}

	public record Activity(long id, OffsetDateTime occurredAt, String actor, String action, String targetDomain,
			String outcome) {
	}

	public long attention() {
		return this.failures30d + this.unknown30d;
	}

	/** The widest of the expiry bars, so that the 90-day bar fills the row. */
	public long percentExpiring(long count) {
		return (this.expiring90 > 0) ? Math.round(100.0 * count / this.expiring90) : 0;
	}

}
