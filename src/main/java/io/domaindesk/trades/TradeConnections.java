package io.domaindesk.trades;

import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhClients;

import org.springframework.stereotype.Component;

/** The OVHcloud client of the account a domain (or a trade) lives in. */
@Component
class TradeConnections {

	private final OvhAccounts accounts;

	private final OvhClients clients;

	TradeConnections(OvhAccounts accounts, OvhClients clients) {
		this.accounts = accounts;
		this.clients = clients;
	}

	OvhClient client(long agencyId, long accountId) {
		OvhAccounts.AgencyConnection account = this.accounts.find(agencyId, accountId)
			.orElseThrow(() -> new IllegalStateException("The OVHcloud connection of this domain is gone"));
		return this.clients.client(account.connection());
	}

}
