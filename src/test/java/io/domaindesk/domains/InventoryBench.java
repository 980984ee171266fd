package io.domaindesk.domains;

import org.springframework.stereotype.Component;

/**
 * Lets the benchmarks (another package) run a sync in the calling thread.
 */
@Component
public class InventoryBench {

	private final InventorySync sync;

	InventoryBench(InventorySync sync) {
		this.sync = sync;
	}

	public boolean syncNow(long agencyId) {
		return this.sync.runNow(agencyId, "MANUAL");
	}

}
