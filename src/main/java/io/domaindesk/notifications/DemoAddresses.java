package io.domaindesk.notifications;

import io.domaindesk.agency.AgencyMembers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The local demo's users get an address ({@code bob@example.com}), so that reminders and
 * digests appear on {@code /admin/outbox}; an address a user chose is kept. Never active
 * in production.
 */
@Component
@ConditionalOnProperty(name = "domaindesk.demo.enabled", havingValue = "true")
@Order(1)
class DemoAddresses implements ApplicationRunner {

	private final AgencyMembers members;

	private final NoticeSettings settings;

	DemoAddresses(AgencyMembers members, NoticeSettings settings) {
		this.members = members;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (AgencyMembers.Member member : this.members.allEnabled()) {
			this.settings.addressIfMissing(member.id(), member.username() + "@example.com");
		}
	}

}
