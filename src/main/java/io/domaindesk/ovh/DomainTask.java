package io.domaindesk.ovh;

import java.time.OffsetDateTime;

/**
 * {@code domain.Task}.
 */
public record DomainTask(Long id, Boolean canAccelerate, Boolean canCancel, Boolean canRelaunch, String comment,
		OffsetDateTime creationDate, String domain, OffsetDateTime doneDate, String function, OffsetDateTime lastUpdate,
		TaskStatus status, OffsetDateTime todoDate, String type) {

}
