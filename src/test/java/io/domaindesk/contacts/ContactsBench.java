package io.domaindesk.contacts;

import org.springframework.stereotype.Component;

/**
 * Lets tests of other packages (application instances they start themselves) poll contact
 * changes by hand.
 */
@Component
public class ContactsBench {

	private final ContactChangeTracker tracker;

	ContactsBench(ContactChangeTracker tracker) {
		this.tracker = tracker;
	}

	public void poll(long agencyId) {
		this.tracker.poll(agencyId);
	}

}
