package io.domaindesk.domains;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.domaindesk.agency.OvhAccounts;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every agency's inventory is synced on a schedule (every 6 hours by default), by one
 * instance at a time.
 */
@Component
class InventorySchedule {

	private final OvhAccounts accounts;

	private final InventorySync sync;

	private final SyncRuns runs;

	private final boolean syncOnStartup;

	InventorySchedule(OvhAccounts accounts, InventorySync sync, SyncRuns runs, SyncSettings settings) {
		this.accounts = accounts;
		this.sync = sync;
		this.runs = runs;
		this.syncOnStartup = settings.onStartup();
	}

	/**
	 * An agency whose inventory was never synced gets its first sync as soon as the
	 * application is up, so that a fresh demo (or a newly connected account) does not
	 * open on an empty list.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void firstSync() {
		if (!this.syncOnStartup) {
			return;
		}
		for (Long agencyId : this.accounts.agenciesWithAccounts()) {
			if (this.runs.recent(agencyId, 1).isEmpty()) {
				this.sync.startInBackground(agencyId, "STARTUP", null);
			}
		}
	}

	@Scheduled(cron = "${domaindesk.sync.cron:0 0 */6 * * *}")
	@SchedulerLock(name = "inventory-sync", lockAtMostFor = "PT5H")
	void syncAll() {
		for (Long agencyId : this.accounts.agenciesWithAccounts()) {
			this.sync.runNow(agencyId, "SCHEDULE");
		}
	}

}
