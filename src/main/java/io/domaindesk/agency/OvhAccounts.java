package io.domaindesk.agency;

import java.util.List;
import java.util.Optional;

import io.domaindesk.ovh.OvhConnection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OVHcloud connections of an agency, secrets decrypted only here and only into an
 * {@link OvhConnection} (whose {@code toString()} masks them). The endpoint
 * {@code sandbox} means the built-in sandbox on this application's own port, which is
 * only known once the server has started.
 */
@Component
public class OvhAccounts {

	static final String SANDBOX = "sandbox";

	private final OvhAccountRepository accounts;

	private final OvhAccountSecrets secrets;

	private final OvhEndpoints endpoints;

	OvhAccounts(OvhAccountRepository accounts, OvhAccountSecrets secrets, OvhEndpoints endpoints) {
		this.accounts = accounts;
		this.secrets = secrets;
		this.endpoints = endpoints;
	}

	/** An agency's connection to one OVHcloud account. */
	public record AgencyConnection(long accountId, long agencyId, String label, OvhConnection connection) {

	}

	@Transactional(readOnly = true)
	public List<AgencyConnection> forAgency(long agencyId) {
		return this.accounts.findByAgencyIdOrderByLabelAsc(agencyId).stream().map(this::toConnection).toList();
	}

	@Transactional(readOnly = true)
	public Optional<AgencyConnection> find(long agencyId, long accountId) {
		return this.accounts.findById(accountId)
			.filter(account -> account.getAgencyId() == agencyId)
			.map(this::toConnection);
	}

	/** Every agency that has at least one OVHcloud connection, for scheduled jobs. */
	@Transactional(readOnly = true)
	public List<Long> agenciesWithAccounts() {
		return this.accounts.findAll().stream().map(OvhAccount::getAgencyId).distinct().sorted().toList();
	}

	private AgencyConnection toConnection(OvhAccount account) {
		String endpoint = this.endpoints.resolve(account.getEndpoint());
		OvhConnection connection = (account.getOauthClientId() != null)
				? OvhConnection.ofOAuth2(endpoint, account.getOauthClientId(),
						this.secrets.open(account, OvhAccountSecrets.Field.OAUTH_CLIENT_SECRET))
				: OvhConnection.ofKeys(endpoint, account.getApplicationKey(),
						this.secrets.open(account, OvhAccountSecrets.Field.APPLICATION_SECRET),
						this.secrets.open(account, OvhAccountSecrets.Field.CONSUMER_KEY));
		return new AgencyConnection(account.getId(), account.getAgencyId(), account.getLabel(),
				connection.withRequestsPerMinute(account.getRequestsPerMinute()));
	}

}
