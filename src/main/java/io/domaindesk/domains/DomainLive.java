package io.domaindesk.domains;

import java.util.Comparator;
import java.util.List;

import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.DomainTask;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhDomainsApi;
import io.domaindesk.ovh.OvhException;

import org.springframework.stereotype.Component;

/**
 * What the domain page reads fresh from OVHcloud: the owner contact card and the ongoing
 * tasks. When OVHcloud does not answer, the page falls back to the inventory and says how
 * old its data is.
 */
@Component
class DomainLive {

	private final OvhAccounts accounts;

	private final OvhClients clients;

	DomainLive(OvhAccounts accounts, OvhClients clients) {
		this.accounts = accounts;
		this.clients = clients;
	}

	record Live(DomainContact owner, List<DomainTask> tasks, String error, String queryId) {

		public boolean available() {
			return this.error == null;
		}

	}

	Live fetch(long agencyId, long accountId, DomainRow domain) {
		try {
			OvhAccounts.AgencyConnection account = this.accounts.find(agencyId, accountId).orElse(null);
			if (account == null) {
				return new Live(null, List.of(), "No OVHcloud connection", null);
			}
			OvhClient client = this.clients.client(account.connection());
			DomainContact owner = (domain.ownerContactId() != null && domain.ownerContactId().matches("\\d+"))
					? client.contacts().domainContact(Long.parseLong(domain.ownerContactId())) : null;
			List<DomainTask> tasks = client.domains()
				.tasks(domain.name(), OvhDomainsApi.TaskFilter.ALL)
				.stream()
				.sorted(Comparator.comparing(DomainTask::id).reversed())
				.toList();
			return new Live(owner, tasks, null, null);
		}
		catch (OvhException ex) {
			return new Live(null, List.of(), ex.inWords(), ex.queryId());
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// A connection that cannot even be built (incomplete keys): the page still
			// works from the inventory.
			return new Live(null, List.of(), ex.getMessage(), null);
		}
	}

}
