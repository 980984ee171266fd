package io.domaindesk.contacts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.ContactChangeTask;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every contact-change task of the agencies' OVHcloud accounts current — those
 * started here and those started elsewhere — by reading
 * {@code GET /me/task/contactChange}; applies completed changes to the inventory; and
 * settles changes whose submission outcome was unknown by finding (or not finding) their
 * tasks at OVHcloud.
 */
@Component
class ContactChangeTracker {

	private static final Logger log = LoggerFactory.getLogger(ContactChangeTracker.class);

	/** How long OVHcloud gives both parties to answer. */
	static final Duration ANSWER_WINDOW = Duration.ofDays(7);

	/** An unknown outcome with no task at OVHcloud after this long was never created. */
	static final Duration UNKNOWN_GIVE_UP = Duration.ofMinutes(15);

	private final OvhAccounts accounts;

	private final OvhClients clients;

	private final JdbcClient jdbc;

	private final Inventory inventory;

	private final SubmitNicChange submit;

	private final NicChangeRepository changes;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final PendingContactChanges pending;

	ContactChangeTracker(OvhAccounts accounts, OvhClients clients, JdbcClient jdbc, Inventory inventory,
			SubmitNicChange submit, NicChangeRepository changes, AuditLog audit, TransactionTemplate transactions,
			PendingContactChanges pending) {
		this.pending = pending;
		this.accounts = accounts;
		this.clients = clients;
		this.jdbc = jdbc;
		this.inventory = inventory;
		this.submit = submit;
		this.changes = changes;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${domaindesk.nic-changes.poll-interval:60s}",
			initialDelayString = "${domaindesk.nic-changes.poll-initial-delay:30s}")
	@SchedulerLock(name = "contact-change-poll", lockAtMostFor = "PT10M")
	void pollAll() {
		for (Long agencyId : this.accounts.agenciesWithAccounts()) {
			try {
				poll(agencyId);
			}
			catch (OvhException ex) {
				log.warn("Polling contact changes of agency {} failed: {}", agencyId, ex.getMessage());
			}
		}
	}

	/**
	 * One pass for one agency: read the pending tasks and those that just settled (see
	 * {@link PendingContactChanges}), apply what finished, settle unknown outcomes.
	 */
	void poll(long agencyId) {
		for (OvhAccounts.AgencyConnection account : this.accounts.forAgency(agencyId)) {
			PendingContactChanges.Pass pass = this.pending.read(this.clients.client(account.connection()),
					account.accountId());
			this.transactions.executeWithoutResult(status -> {
				pass.tasks().forEach(task -> upsert(agencyId, account, task));
				pass.states()
					.forEach((taskId, state) -> this.jdbc.sql("""
							update contact_change_task set state = :state, last_seen_at = now()
							where ovh_account_id = :account and task_id = :task
							""")
						.param("state", state)
						.param("account", account.accountId())
						.param("task", taskId)
						.update());
			});
			if (pass.deferred() > 0) {
				log.info("{} contact-change tasks of account {} left for the next poll", pass.deferred(),
						account.accountId());
			}
		}
		reconcile(agencyId);
	}

	private void upsert(long agencyId, OvhAccounts.AgencyConnection account, ContactChangeTask task) {
		String state = (task.state() != null) ? task.state().value() : "unknown";
		this.jdbc
			.sql("""
					insert into contact_change_task (ovh_account_id, task_id, agency_id, domain_name, contact_types,
					  from_account, to_account, asking_account, state, date_request, date_done, ovh_read_at)
					values (:account, :task, :agency, :domain, :types, :from, :to, :asking, :state, :requested, :done, now())
					on conflict (ovh_account_id, task_id) do update set
					  domain_name = excluded.domain_name, contact_types = excluded.contact_types,
					  from_account = excluded.from_account, to_account = excluded.to_account,
					  asking_account = excluded.asking_account, state = excluded.state,
					  date_request = excluded.date_request, date_done = excluded.date_done, last_seen_at = now(),
					  ovh_read_at = now()
					""")
			.param("account", account.accountId())
			.param("task", task.id())
			.param("agency", agencyId)
			.param("domain", task.serviceDomain())
			.param("types", (task.contactTypes() != null) ? String.join(",", task.contactTypes()) : null)
			.param("from", task.fromAccount())
			.param("to", task.toAccount())
			.param("asking", task.askingAccount())
			.param("state", state)
			.param("requested", timestamp(task.dateRequest()))
			.param("done", timestamp(task.dateDone()))
			.update();
		if (task.state() == null || !task.state().isFinal() || task.serviceDomain() == null) {
			return;
		}
		// Apply a finished task once: the inventory shows the new nichandle without
		// waiting for a full sync.
		int claimed = this.jdbc.sql("""
				update contact_change_task set applied_at = now()
				where ovh_account_id = :account and task_id = :task and applied_at is null
				""").param("account", account.accountId()).param("task", task.id()).update();
		if (claimed == 0) {
			return;
		}
		if ("done".equals(state) && task.contactTypes() != null && task.toAccount() != null) {
			for (String role : task.contactTypes()) {
				this.inventory.changeCompleted(agencyId, task.serviceDomain(), role, task.toAccount());
			}
		}
		this.inventory.pendingOperations(agencyId, task.serviceDomain(), -1);
		this.audit.recordAs("ovhcloud", null,
				new AuditEntry(agencyId, "nic.task." + state, task.serviceDomain(),
						Map.of("taskId", task.id(), "from", String.valueOf(task.fromAccount()), "to",
								String.valueOf(task.toAccount())),
						"done".equals(state) ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, null));
	}

	/**
	 * A change whose call timed out is settled by what OVHcloud shows: tasks on that
	 * domain towards the new nichandles, requested after we called, mean it went through;
	 * none after a while means it did not.
	 */
	private void reconcile(long agencyId) {
		Instant now = Instant.now();
		for (NicChange change : this.changes
			.findByStatusIn(List.of(NicChangeStatus.UNKNOWN, NicChangeStatus.SUBMITTING))) {
			if (!change.getAgencyId().equals(agencyId)) {
				continue;
			}
			if (change.getStatus() == NicChangeStatus.SUBMITTING) {
				if (change.getUpdatedAt().isBefore(now.minus(Duration.ofMinutes(10)))) {
					// The instance died between intent and outcome: treat it as a call
					// whose outcome we never read.
					this.transactions.executeWithoutResult(status -> {
						NicChange stale = this.changes.findById(change.getId()).orElseThrow();
						stale.unknown("Interrupted while calling OVHcloud");
						this.changes.save(stale);
					});
				}
				continue;
			}
			Set<String> targets = Set.copyOf(change.to().values());
			List<Long> found = this.jdbc.sql("""
					select task_id from contact_change_task
					where agency_id = :agency and domain_name = :domain and nic_change_id is null
					  and date_request >= :since
					""")
				.param("agency", agencyId)
				.param("domain", change.getDomainName())
				.param("since", Timestamp.from(change.getCreatedAt().minus(Duration.ofMinutes(2))))
				.query((rs, n) -> rs.getLong(1))
				.list()
				.stream()
				.filter(id -> targets.contains(toAccount(change.getOvhAccountId(), id)))
				.toList();
			if (!found.isEmpty()) {
				this.transactions.executeWithoutResult(status -> this.submit.submitted(change.getId(), found));
			}
			else if (change.getUpdatedAt().isBefore(now.minus(UNKNOWN_GIVE_UP))) {
				this.transactions.executeWithoutResult(status -> this.submit.failed(change.getId(),
						"OVHcloud has no task for this request: it was not created. It can be started again.", null));
			}
		}
	}

	private String toAccount(long accountId, long taskId) {
		return this.jdbc.sql("select to_account from contact_change_task where ovh_account_id = :a and task_id = :t")
			.param("a", accountId)
			.param("t", taskId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static Timestamp timestamp(OffsetDateTime time) {
		return (time != null) ? Timestamp.from(time.toInstant()) : null;
	}

}
