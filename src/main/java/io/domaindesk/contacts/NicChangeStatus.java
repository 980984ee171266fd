package io.domaindesk.contacts;

/**
 * Where one requested change stands on our side. {@code UNKNOWN} is a call that timed
 * out: OVHcloud may or may not have created the tasks, and only reading OVHcloud (never
 * sending again) can tell.
 */
enum NicChangeStatus {

	PLANNED, SKIPPED, SUBMITTING, SUBMITTED, FAILED, UNKNOWN, CANCELLED;

	boolean open() {
		return this == PLANNED || this == SUBMITTING || this == UNKNOWN;
	}

}
