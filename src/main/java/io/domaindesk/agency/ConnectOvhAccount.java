package io.domaindesk.agency;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.AccessRule;
import io.domaindesk.ovh.ApiCredential;
import io.domaindesk.ovh.ApiCredentialRequest;
import io.domaindesk.ovh.ApiCredentialRequestParams;
import io.domaindesk.ovh.Nichandle;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhConnection;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * An agency admin connects an OVHcloud account: with a consumer key they already have, or
 * by asking OVHcloud for one ({@code POST /auth/credential} with exactly the rights
 * DomainDesk needs) and validating it on OVHcloud's page. "Test connection" reads the
 * credential and {@code GET /me} and says what is missing, in words.
 */
@Component
class ConnectOvhAccount {

	private final OvhAccountRepository accounts;

	private final OvhAccounts connections;

	private final OvhClients clients;

	private final OvhAccountSecrets secrets;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final OvhEndpoints endpoints;

	ConnectOvhAccount(OvhAccountRepository accounts, OvhAccounts connections, OvhClients clients,
			OvhAccountSecrets secrets, CurrentUser currentUser, AuditLog audit, TransactionTemplate transactions,
			OvhEndpoints endpoints) {
		this.endpoints = endpoints;
		this.accounts = accounts;
		this.connections = connections;
		this.clients = clients;
		this.secrets = secrets;
		this.currentUser = currentUser;
		this.audit = audit;
		this.transactions = transactions;
	}

	record NewConnection(String label, String endpoint, String applicationKey, String applicationSecret,
			String consumerKey, Integer requestsPerMinute) {

		static NewConnection empty() {
			return new NewConnection("", "ovh-eu", "", "", "", 60);
		}

		@Override
		public String toString() {
			return "NewConnection[" + this.label + ", " + this.endpoint + ", " + this.applicationKey + "]";
		}

	}

	/** What a test of the connection found. */
	record Check(String nichandle, String credentialStatus, OffsetDateTime expiration, List<String> rules,
			List<String> missing, String error, String queryId) implements java.io.Serializable {

		// A flash attribute: it travels through the session, which lives in PostgreSQL.
		static List<String> text(List<AccessRule> rules) {
			return rules.stream().map(r -> r.method() + " " + r.path()).toList();
		}

		public boolean ok() {
			return this.error == null && this.missing.isEmpty();
		}

	}

	/**
	 * A saved connection, with OVHcloud's validation URL when a consumer key had to be
	 * requested.
	 */
	record Requested(long accountId, String validationUrl) {

	}

	/** Saves the connection, requesting a consumer key when none was pasted. */
	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	Requested connect(NewConnection form, String callbackBaseUrl) {
		long agencyId = this.currentUser.agencyId();
		// Only a listed choice: an agency admin never points DomainDesk at a URL.
		if (!this.endpoints.isChoice(form.endpoint())) {
			throw new IllegalArgumentException("Unknown OVHcloud endpoint");
		}
		OvhConnection probe = OvhConnection.ofKeys(this.endpoints.resolve(form.endpoint()),
				form.applicationKey().strip(), form.applicationSecret().strip(), null);
		probe.baseUrl();
		boolean pasted = form.consumerKey() != null && !form.consumerKey().isBlank();
		OvhAccount saved = this.transactions.execute(status -> {
			OvhAccount account = new OvhAccount(agencyId, form.label().strip(), form.endpoint().strip());
			account.useApplicationKeys(form.applicationKey().strip(), null, null);
			if (form.requestsPerMinute() != null) {
				account.limitTo(form.requestsPerMinute());
			}
			// Saved first: the secrets are sealed to the connection's id.
			OvhAccount stored = this.accounts.save(account);
			stored.useApplicationKeys(form.applicationKey().strip(),
					this.secrets.seal(stored, OvhAccountSecrets.Field.APPLICATION_SECRET,
							form.applicationSecret().strip()),
					pasted ? this.secrets.seal(stored, OvhAccountSecrets.Field.CONSUMER_KEY, form.consumerKey().strip())
							: null);
			stored = this.accounts.save(stored);
			this.audit.record(AuditEntry.of(agencyId, "ovh.account.create", AuditOutcome.SUCCESS,
					Map.of("accountId", stored.getId(), "endpoint", stored.getEndpoint(), "applicationKey",
							String.valueOf(stored.getApplicationKey()))));
			return stored;
		});
		if (pasted) {
			return new Requested(saved.getId(), null);
		}
		ApiCredentialRequest request = this.clients.client(probe)
			.auth()
			.requestCredential(new ApiCredentialRequestParams(OvhRights.REQUIRED, null,
					callbackBaseUrl + "/admin/ovh-accounts/" + saved.getId() + "/validated"));
		this.transactions.executeWithoutResult(status -> {
			OvhAccount account = this.accounts.findById(saved.getId()).orElseThrow();
			account.useConsumerKey(
					this.secrets.seal(account, OvhAccountSecrets.Field.CONSUMER_KEY, request.consumerKey()));
			this.accounts.save(account);
			this.audit.record(AuditEntry.of(agencyId, "ovh.credential.request", AuditOutcome.PENDING,
					Map.of("accountId", saved.getId())));
		});
		return new Requested(saved.getId(), request.validationUrl());
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	Check test(long accountId) {
		long agencyId = this.currentUser.agencyId();
		OvhAccounts.AgencyConnection connection = this.connections.find(agencyId, accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			OvhClient client = this.clients.client(connection.connection());
			ApiCredential credential = client.auth().currentCredential();
			Nichandle me = client.me().get();
			List<AccessRule> rules = (credential.rules() != null) ? credential.rules() : List.of();
			this.transactions.executeWithoutResult(status -> {
				OvhAccount account = this.accounts.findById(accountId).orElseThrow();
				account.connectedAs(me.nichandle());
				this.accounts.save(account);
			});
			return new Check(me.nichandle(), (credential.status() != null) ? credential.status().value() : null,
					credential.expiration(), Check.text(rules), Check.text(OvhRights.missing(rules)), null, null);
		}
		catch (io.domaindesk.ovh.OvhException ex) {
			return new Check(null, null, null, List.of(), List.of(), ex.inWords(), ex.queryId());
		}
		catch (IllegalArgumentException ex) {
			return new Check(null, null, null, List.of(), List.of(), ex.getMessage(), null);
		}
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	Nichandle me(long accountId) {
		return client(accountId).me().get();
	}

	@PreAuthorize("hasRole('AGENCY_ADMIN')")
	void updateMe(long accountId, Nichandle changes) {
		long agencyId = this.currentUser.agencyId();
		try {
			client(accountId).me().update(changes);
			this.audit
				.record(AuditEntry.of(agencyId, "ovh.me.update", AuditOutcome.SUCCESS, Map.of("accountId", accountId)));
		}
		catch (io.domaindesk.ovh.OvhException ex) {
			this.audit.record(new AuditEntry(agencyId, "ovh.me.update", null,
					Map.of("accountId", accountId, "error", ex.inWords()), AuditOutcome.FAILURE, ex.queryId()));
			throw ex;
		}
	}

	private OvhClient client(long accountId) {
		OvhAccounts.AgencyConnection connection = this.connections.find(this.currentUser.agencyId(), accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return this.clients.client(connection.connection());
	}

}
