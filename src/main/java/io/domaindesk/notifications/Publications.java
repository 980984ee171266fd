package io.domaindesk.notifications;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events whose listener failed (or whose instance stopped before it finished) over
 * again, once a minute across instances. Listeners write messages by key, so a second
 * hand-over of an event that was in fact handled writes nothing.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
class Publications {

	private final IncompleteEventPublications incomplete;

	Publications(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
	@SchedulerLock(name = "notifications-resubmit", lockAtMostFor = "PT5M")
	void resubmit() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
	}

}
