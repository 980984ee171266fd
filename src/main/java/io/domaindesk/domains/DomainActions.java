package io.domaindesk.domains;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.DomainService;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * What staff can do from the domain page besides changing contacts: refresh it from
 * OVHcloud, and accelerate, cancel or relaunch one of its OVHcloud tasks when OVHcloud
 * allows it. Task actions are audited with their intent first, so a call that times out
 * still leaves a trace.
 */
@Component
class DomainActions {

	enum TaskAction {

		ACCELERATE, CANCEL, RELAUNCH

	}

	private final OvhAccounts accounts;

	private final OvhClients clients;

	private final InventoryWriter writer;

	private final AuditLog audit;

	DomainActions(OvhAccounts accounts, OvhClients clients, InventoryWriter writer, AuditLog audit) {
		this.accounts = accounts;
		this.clients = clients;
		this.writer = writer;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	void refresh(long agencyId, DomainRow domain) {
		OvhClient client = client(agencyId, domain);
		DomainService service = client.domains().get(domain.name());
		String ownerId = (service.contactOwner() != null) ? service.contactOwner().id() : null;
		Map<String, InventoryWriter.Owner> owners = Map.of();
		if (ownerId != null && ownerId.matches("\\d+")) {
			DomainContact owner = client.contacts().domainContact(Long.parseLong(ownerId));
			owners = Map.of(ownerId, InventoryWriter.Owner.of(owner));
		}
		this.writer.write(agencyId, domain.ovhAccountId(), List.of(service), owners,
				Map.of(domain.name(), domain.pendingOperations()), Instant.now());
		this.audit
			.record(new AuditEntry(agencyId, "domain.refresh", domain.name(), Map.of(), AuditOutcome.SUCCESS, null));
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	void onTask(long agencyId, DomainRow domain, long taskId, TaskAction action) {
		OvhClient client = client(agencyId, domain);
		String auditAction = "domain.task." + action.name().toLowerCase();
		try {
			switch (action) {
				case ACCELERATE -> client.domains().accelerateTask(domain.name(), taskId);
				case CANCEL -> client.domains().cancelTask(domain.name(), taskId);
				case RELAUNCH -> client.domains().relaunchTask(domain.name(), taskId);
			}
			this.audit.record(new AuditEntry(agencyId, auditAction, domain.name(), Map.of("taskId", taskId),
					AuditOutcome.SUCCESS, null));
		}
		catch (OvhException ex) {
			AuditOutcome outcome = (ex instanceof OvhException.OutcomeUnknown) ? AuditOutcome.UNKNOWN
					: AuditOutcome.FAILURE;
			this.audit.record(new AuditEntry(agencyId, auditAction, domain.name(),
					Map.of("taskId", taskId, "error", String.valueOf(ex.getMessage())), outcome, ex.queryId()));
			throw ex;
		}
	}

	private OvhClient client(long agencyId, DomainRow domain) {
		OvhAccounts.AgencyConnection account = this.accounts.find(agencyId, domain.ovhAccountId())
			.orElseThrow(() -> new IllegalStateException("No OVHcloud connection for this domain"));
		return this.clients.client(account.connection());
	}

}
