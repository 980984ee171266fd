package io.domaindesk.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.ovh.OvhResend;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Accepts or refuses a contact-change task with the token from OVHcloud's e-mail, or asks
 * OVHcloud to send the e-mail again. The agency can only answer for its own side: the
 * token is personal to each party.
 */
@Component
class AnswerContactChange {

	enum Answer {

		ACCEPT, REFUSE, RESEND

	}

	private final OvhAccounts accounts;

	private final OvhClients clients;

	private final AuditLog audit;

	AnswerContactChange(OvhAccounts accounts, OvhClients clients, AuditLog audit) {
		this.accounts = accounts;
		this.clients = clients;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	void answer(TrackedTasks.TrackedTask task, Answer answer, String token) {
		OvhAccounts.AgencyConnection account = this.accounts.find(task.agencyId(), task.ovhAccountId())
			.orElseThrow(() -> new IllegalStateException("The OVHcloud connection is gone"));
		OvhClient client = this.clients.client(account.connection());
		String action = "nic.task." + answer.name().toLowerCase();
		Map<String, Object> details = Map.of("taskId", task.taskId());
		// A refusal for the clock is sent once more by the client: the audit says so.
		List<OvhResend> resends = new ArrayList<>();
		try {
			OvhResend.watching(resends::add, () -> {
				switch (answer) {
					case ACCEPT -> client.contacts().acceptContactChange(task.taskId(), token);
					case REFUSE -> client.contacts().refuseContactChange(task.taskId(), token);
					case RESEND -> client.contacts().resendContactChangeEmail(task.taskId());
				}
				return null;
			});
			this.audit.record(new AuditEntry(task.agencyId(), action, task.domainName(),
					SubmitNicChange.withResends(details, resends), AuditOutcome.SUCCESS, null));
		}
		catch (OvhException ex) {
			this.audit.record(new AuditEntry(task.agencyId(), action, task.domainName(),
					SubmitNicChange.withResends(Map.of("taskId", task.taskId(), "error", SubmitNicChange.describe(ex)),
							resends),
					(ex instanceof OvhException.OutcomeUnknown) ? AuditOutcome.UNKNOWN : AuditOutcome.FAILURE,
					ex.queryId()));
			throw ex;
		}
	}

}
