package io.domaindesk.domains;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.domaindesk.agency.OvhAccounts;

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

	InventorySchedule(OvhAccounts accounts, InventorySync sync) {
		this.accounts = accounts;
		this.sync = sync;
	}

	@Scheduled(cron = "${domaindesk.sync.cron:0 0 */6 * * *}")
	@SchedulerLock(name = "inventory-sync", lockAtMostFor = "PT5H")
	void syncAll() {
		for (Long agencyId : this.accounts.agenciesWithAccounts()) {
			this.sync.runNow(agencyId, "SCHEDULE");
		}
	}

}
