package io.domaindesk.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the tracked contact-change tasks of one agency for {@code /nic-changes} and the
 * domain page.
 */
@Component
class TrackedTasks {

	private final JdbcClient jdbc;

	TrackedTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record TrackedTask(long ovhAccountId, long taskId, long agencyId, Long nicChangeId, String domainName,
			String contactTypes, String fromAccount, String toAccount, String askingAccount, String state,
			Instant dateRequest, Instant dateDone, String startedBy) {

		private static final List<String> FINAL = List.of("done", "refused", "aborted", "expired", "error");

		public boolean pending() {
			return !FINAL.contains(this.state);
		}

		/**
		 * Who must still act, as a message code: the two parties, OVHcloud, or nobody.
		 */
		public String waitingOn() {
			return switch (this.state) {
				case "todo", "validatingByCustomers" -> "nic.waiting.parties";
				case "checkValidity", "doing" -> "nic.waiting.ovh";
				default -> pending() ? "nic.waiting.ovh" : "nic.waiting.nobody";
			};
		}

		/** Time left before OVHcloud lets the task expire, or null once it is over. */
		public Duration timeLeft() {
			if (!pending() || this.dateRequest == null) {
				return null;
			}
			Duration left = Duration.between(Instant.now(), this.dateRequest.plus(ContactChangeTracker.ANSWER_WINDOW));
			return left.isNegative() ? Duration.ZERO : left;
		}

		public String timeLeftText() {
			Duration left = timeLeft();
			if (left == null) {
				return "";
			}
			return (left.toDays() > 0) ? left.toDays() + " d " + left.toHoursPart() + " h"
					: left.toHours() + " h " + left.toMinutesPart() + " min";
		}

		public boolean expiringSoon() {
			Duration left = timeLeft();
			return left != null && left.compareTo(Duration.ofDays(1)) < 0;
		}

		public Duration age() {
			return (this.dateRequest != null) ? Duration.between(this.dateRequest, Instant.now()) : Duration.ZERO;
		}

		public String ageText() {
			Duration age = age();
			return (age.toDays() > 0) ? age.toDays() + " d" : age.toHours() + " h";
		}

		public List<String> roles() {
			return (this.contactTypes == null || this.contactTypes.isBlank()) ? List.of()
					: List.of(this.contactTypes.split(","));
		}

	}

	record Query(String q, String state, Integer page) {

		Query {
			q = (q == null || q.isBlank()) ? null : q.strip().toLowerCase(Locale.ROOT);
			state = (state == null || state.isBlank()) ? "pending" : state;
			page = (page == null || page < 1) ? 1 : page;
		}

		static final int SIZE = 50;

	}

	record Page(List<TrackedTask> tasks, long total, Query query) {

		public int pages() {
			return (int) Math.max(1, (this.total + Query.SIZE - 1) / Query.SIZE);
		}

	}

	private static final String SELECT = """
			select t.ovh_account_id, t.task_id, t.agency_id, t.nic_change_id, t.domain_name, t.contact_types,
			       t.from_account, t.to_account, t.asking_account, t.state, t.date_request, t.date_done,
			       c.created_by as started_by
			from contact_change_task t left join nic_change c on c.id = t.nic_change_id
			""";

	@Transactional(readOnly = true)
	Page page(long agencyId, Query query) {
		List<String> where = new ArrayList<>(List.of("t.agency_id = :agency"));
		if (query.q() != null) {
			where.add("(t.domain_name like :q or t.from_account like :q or t.to_account like :q)");
		}
		if (query.state().equals("pending")) {
			where.add("t.state not in ('done', 'refused', 'aborted', 'expired', 'error')");
		}
		else if (!query.state().equals("all")) {
			where.add("t.state = :state");
		}
		String condition = " where " + String.join(" and ", where);
		long total = bind(this.jdbc.sql("select count(*) from contact_change_task t" + condition), agencyId, query)
			.query(Long.class)
			.single();
		List<TrackedTask> tasks = bind(
				this.jdbc.sql(SELECT + condition
						+ " order by t.date_request desc nulls last, t.task_id desc limit :limit offset :offset"),
				agencyId, query)
			.param("limit", Query.SIZE)
			.param("offset", (query.page() - 1) * Query.SIZE)
			.query(TrackedTask.class)
			.list();
		return new Page(tasks, total, query);
	}

	@Transactional(readOnly = true)
	Optional<TrackedTask> find(long agencyId, long accountId, long taskId) {
		return this.jdbc
			.sql(SELECT + " where t.agency_id = :agency and t.ovh_account_id = :account and t.task_id = :task")
			.param("agency", agencyId)
			.param("account", accountId)
			.param("task", taskId)
			.query(TrackedTask.class)
			.optional();
	}

	@Transactional(readOnly = true)
	List<TrackedTask> forDomain(long agencyId, String domain) {
		return this.jdbc
			.sql(SELECT + " where t.agency_id = :agency and t.domain_name = :domain"
					+ " order by t.date_request desc nulls last limit 20")
			.param("agency", agencyId)
			.param("domain", domain)
			.query(TrackedTask.class)
			.list();
	}

	private static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
			org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec, long agencyId, Query query) {
		spec = spec.param("agency", agencyId);
		if (query.q() != null) {
			spec = spec.param("q", "%" + query.q().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (!query.state().equals("pending") && !query.state().equals("all")) {
			spec = spec.param("state", query.state());
		}
		return spec;
	}

}
