package io.domaindesk.contacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.domaindesk.ovh.ContactChangeState;
import io.domaindesk.ovh.ContactChangeTask;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.ovh.OvhListing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what changed in an account's contact-change tasks at a bounded cost: one list per
 * pending state ({@code GET /me/task/contactChange?state=}), never the settled ones. With
 * Iceberg the lists carry the tasks; without it they carry ids, whose state the filter
 * already tells, so only tasks new to DomainDesk (or never read from OVHcloud: those it
 * recorded from {@code changeContact}'s answer, whose {@code dateRequest} it does not
 * know yet) and those that left the pending states (to learn how they ended) are read one
 * by one, newest first and at most {@code max-reads-per-poll} per poll — not 2,001 calls
 * a minute for 2,000 tasks.
 */
@Component
@EnableConfigurationProperties(ContactChangePollSettings.class)
class PendingContactChanges {

	static final List<ContactChangeState> PENDING = List.of(ContactChangeState.TODO, ContactChangeState.CHECK_VALIDITY,
			ContactChangeState.VALIDATING_BY_CUSTOMERS, ContactChangeState.DOING);

	private final JdbcClient jdbc;

	private final ContactChangePollSettings settings;

	PendingContactChanges(JdbcClient jdbc, ContactChangePollSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * What one poll learnt.
	 *
	 * @param tasks tasks read in full, newest first
	 * @param states tasks whose new pending state the lists told, by id
	 * @param deferred tasks left for the next poll
	 */
	record Pass(List<ContactChangeTask> tasks, Map<Long, String> states, int deferred) {

	}

	Pass read(OvhClient client, long accountId) {
		List<ContactChangeTask> tasks = new ArrayList<>();
		Map<Long, String> states = new HashMap<>();
		Set<Long> seen = new HashSet<>();
		List<Long> toRead = new ArrayList<>();
		for (ContactChangeState state : PENDING) {
			OvhListing<ContactChangeTask> listing = client.contacts()
				.contactChangesIn(state, this.settings.pollPageSize());
			if (listing.expanded()) {
				listing.objects().forEach((task) -> seen.add(task.id()));
				tasks.addAll(listing.objects());
				continue;
			}
			List<Long> ids = listing.ids().stream().map(Long::valueOf).toList();
			seen.addAll(ids);
			Map<Long, String> known = knownStates(accountId, ids);
			for (Long id : ids) {
				String before = known.get(id);
				if (before == null) {
					toRead.add(id);
				}
				else if (!before.equals(state.value())) {
					states.put(id, state.value());
				}
			}
		}
		// Pending here, in no pending list there: settled since the last poll.
		for (Long id : pendingHere(accountId)) {
			if (!seen.contains(id)) {
				toRead.add(id);
			}
		}
		// Ids grow with time: the newest first.
		List<Long> ordered = toRead.stream().distinct().sorted(Comparator.reverseOrder()).toList();
		int reads = Math.min(ordered.size(), this.settings.maxReadsPerPoll());
		for (Long id : ordered.subList(0, reads)) {
			try {
				tasks.add(client.contacts().contactChange(id));
			}
			catch (OvhException.NotFound ex) {
				// Gone from the account (another nichandle's now): nothing more to learn.
			}
		}
		tasks.sort(
				Comparator.comparing(ContactChangeTask::dateRequest, Comparator.nullsLast(Comparator.reverseOrder())));
		return new Pass(tasks, states, ordered.size() - reads);
	}

	/**
	 * The states of the tasks among {@code ids} already read from OVHcloud; the others
	 * are read in full, for OVHcloud's own {@code dateRequest}.
	 */
	private Map<Long, String> knownStates(long accountId, List<Long> ids) {
		Map<Long, String> known = new HashMap<>();
		if (ids.isEmpty()) {
			return known;
		}
		this.jdbc.sql("""
				select task_id, state from contact_change_task
				where ovh_account_id = :account and task_id = any(:ids) and ovh_read_at is not null
				""")
			.param("account", accountId)
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> known.put(rs.getLong(1), rs.getString(2)))
			.list();
		return known;
	}

	private List<Long> pendingHere(long accountId) {
		return this.jdbc.sql("""
				select task_id from contact_change_task
				where ovh_account_id = :account and state in ('todo', 'checkValidity', 'validatingByCustomers', 'doing')
				""").param("account", accountId).query(Long.class).list();
	}

}
