package io.domaindesk.domains;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.ContactChangeTask;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhContactsApi;
import io.domaindesk.ovh.OvhException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A full sync of an agency's inventory from OVHcloud. The calls are the fewest the API
 * allows: the owner contacts in one list, the pending contact changes in one list, then
 * the domains page by page (Iceberg, or ids plus one read each where the server does not
 * offer it). Each page is written in its own transaction, so an error part way keeps what
 * was synced and the next run completes the job. After each call and its write the sync
 * pauses ({@link SyncPace}, {@code domaindesk.sync.busy-share}), so that another agency's
 * users do not wait behind it.
 */
@Component
class InventorySync {

	private static final Logger log = LoggerFactory.getLogger(InventorySync.class);

	private final OvhAccounts accounts;

	private final OvhClients clients;

	private final SyncRuns runs;

	private final InventoryWriter writer;

	private final AuditLog audit;

	private final TaskExecutor executor;

	private final int pageSize;

	private final double busyShare;

	private final ApplicationEventPublisher events;

	InventorySync(OvhAccounts accounts, OvhClients clients, SyncRuns runs, InventoryWriter writer, AuditLog audit,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, SyncSettings settings,
			ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.clients = clients;
		this.runs = runs;
		this.writer = writer;
		this.audit = audit;
		this.executor = executor;
		this.pageSize = settings.pageSize();
		this.busyShare = settings.busyShare();
	}

	/**
	 * Starts a sync in the background; empty when one is already running for this agency.
	 */
	Optional<Long> startInBackground(long agencyId, String trigger, String startedBy) {
		Optional<Long> run = this.runs.start(agencyId, trigger, startedBy);
		run.ifPresent(id -> this.executor.execute(() -> run(agencyId, id, startedBy)));
		return run;
	}

	/**
	 * Runs a sync in the calling thread (the scheduler's); false when one was already
	 * running.
	 */
	boolean runNow(long agencyId, String trigger) {
		return runNow(agencyId, trigger, this.pageSize);
	}

	/**
	 * With a page size of its own: tests and benchmarks use small pages to stop a sync
	 * part way.
	 */
	boolean runNow(long agencyId, String trigger, int pageSize) {
		Optional<Long> run = this.runs.start(agencyId, trigger, null);
		run.ifPresent(id -> run(agencyId, id, "scheduler", pageSize));
		return run.isPresent();
	}

	private void run(long agencyId, long runId, String actor) {
		run(agencyId, runId, actor, this.pageSize);
	}

	private void run(long agencyId, long runId, String actor, int pageSize) {
		Instant started = Instant.now();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger calls = new AtomicInteger();
		int[] total = { 0 };
		int drifts = 0;
		SyncPace pace = new SyncPace(this.busyShare);
		try {
			for (OvhAccounts.AgencyConnection account : this.accounts.forAgency(agencyId)) {
				OvhClient client = this.clients.client(account.connection());
				Map<String, InventoryWriter.Owner> owners = owners(client, calls);
				pace.pause();
				Map<String, Integer> pending = pendingContactChanges(client, calls, pageSize);
				pace.pause();
				int accountTotalBefore = total[0];
				int[] accountDrifts = { 0 };
				client.domains().forEachPage(null, pageSize, page -> {
					calls.addAndGet(page.requests());
					total[0] = accountTotalBefore + (int) page.total();
					accountDrifts[0] += this.writer.write(agencyId, account.accountId(), page.items(), owners, pending,
							started);
					done.addAndGet(page.items().size());
					this.runs.progress(runId, done.get(), total[0], calls.get());
					pace.pause();
				});
				drifts += accountDrifts[0];
				this.writer.markGone(agencyId, account.accountId(), started);
			}
			this.runs.progress(runId, done.get(), total[0], calls.get());
			// Listeners (the clients' grouping) run before the run is marked done, so
			// that a finished sync means an up-to-date inventory and everything read
			// from it.
			this.events.publishEvent(new InventorySynced(agencyId, runId));
			this.runs.finish(runId, "DONE", null, null);
			log.info("Sync {} of agency {}: {} domains in {} s, {} s of it paused for users' requests", runId, agencyId,
					done.get(), Duration.between(started, Instant.now()).toSeconds(), pace.paused().toSeconds());
			this.audit.recordAs(actor, null, AuditEntry.of(agencyId, "sync.run", AuditOutcome.SUCCESS,
					Map.of("runId", runId, "domains", done.get(), "ovhCalls", calls.get(), "externalChanges", drifts)));
		}
		catch (OvhException ex) {
			fail(agencyId, runId, actor, done.get(), ex.inWords(), ex.queryId());
		}
		catch (RuntimeException ex) {
			log.error("Sync {} of agency {} failed", runId, agencyId, ex);
			fail(agencyId, runId, actor, done.get(), "Unexpected error: " + ex.getClass().getSimpleName(), null);
		}
	}

	private void fail(long agencyId, long runId, String actor, int done, String message, String queryId) {
		this.runs.finish(runId, "FAILED", message, queryId);
		this.audit.recordAs(actor, null,
				new AuditEntry(agencyId, "sync.run", null,
						Map.of("runId", runId, "domains", done, "error", String.valueOf(message)), AuditOutcome.FAILURE,
						queryId));
	}

	/**
	 * {@code GET /domain/contact} returns every owner contact at once: one call instead
	 * of one per domain.
	 */
	private static Map<String, InventoryWriter.Owner> owners(OvhClient client, AtomicInteger calls) {
		Map<String, InventoryWriter.Owner> owners = new HashMap<>();
		calls.incrementAndGet();
		for (DomainContact contact : client.contacts().domainContacts()) {
			owners.put(String.valueOf(contact.id()), InventoryWriter.Owner.of(contact));
		}
		return owners;
	}

	private static Map<String, Integer> pendingContactChanges(OvhClient client, AtomicInteger calls, int pageSize) {
		Map<String, Integer> pending = new HashMap<>();
		client.contacts().forEachContactChangePage(OvhContactsApi.ContactChangeFilter.ALL, pageSize, page -> {
			calls.addAndGet(page.requests());
			for (ContactChangeTask task : page.items()) {
				if (task.state() != null && task.state().isPending() && task.serviceDomain() != null) {
					pending.merge(task.serviceDomain(), 1, Integer::sum);
				}
			}
		});
		return pending;
	}

}
