package io.domaindesk.domains;

import org.springframework.stereotype.Component;

/**
 * Lets the benchmarks and resilience tests (other packages) run a sync in the calling
 * thread.
 */
@Component
public class InventoryBench {

	private final InventorySync sync;

	private final InventorySchedule schedule;

	InventoryBench(InventorySync sync, InventorySchedule schedule) {
		this.sync = sync;
		this.schedule = schedule;
	}

	public boolean syncNow(long agencyId) {
		return this.sync.runNow(agencyId, "MANUAL");
	}

	/**
	 * The scheduled job as the scheduler calls it: through the bean's proxy, so under its
	 * ShedLock lock.
	 */
	public void scheduledSyncAll() {
		this.schedule.syncAll();
	}

}
