package io.domaindesk.sandbox;

import org.springframework.stereotype.Component;

/**
 * Applies the transitions that happen with time (expiry after 7 days, a trade starting)
 * just before each API call, so state is always current for the sandbox clock, including
 * after a test moved it forward.
 */
@Component
@ConditionalOnSandbox
class Ticker {

	private final ContactChanges contactChanges;

	private final DomainTasks domainTasks;

	Ticker(ContactChanges contactChanges, DomainTasks domainTasks) {
		this.contactChanges = contactChanges;
		this.domainTasks = domainTasks;
	}

	void tick() {
		this.contactChanges.tick();
		this.domainTasks.tick();
	}

}
