package io.domaindesk.ovh;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code nichandle.contactChange.Task}.
 */
public record ContactChangeTask(Long id, String askingAccount, List<String> contactTypes, OffsetDateTime dateDone,
		OffsetDateTime dateRequest, String fromAccount, String serviceDomain, ContactChangeState state,
		String toAccount) {

}
