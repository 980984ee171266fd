package io.domaindesk.ovh;

import java.util.List;
import java.util.Map;

/**
 * The account itself ({@code /me}), account creation ({@code /newAccount}) and the
 * account-wide domain tasks ({@code /me/task/domain}).
 */
public final class OvhMeApi {

	private final OvhTransport transport;

	OvhMeApi(OvhTransport transport) {
		this.transport = transport;
	}

	/** {@code GET /me}. */
	public Nichandle get() {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/me")), Nichandle.class);
	}

	/**
	 * {@code PUT /me}; read-only fields (nichandle, email, subsidiary…) are better left
	 * null, null fields are not sent.
	 */
	public void update(Nichandle nichandle) {
		this.transport.exchange(OvhDomainsApi.write("PUT", OvhPath.of("/me"), nichandle));
	}

	/** {@code POST /newAccount} (unauthenticated). */
	public NewAccountAndToken createAccount(NewAccount account) {
		return this.transport.call(
				new OvhTransport.Call("POST", OvhPath.of("/newAccount"), account, OvhTransport.Auth.NONE, Map.of()),
				NewAccountAndToken.class);
	}

	/** {@code GET /newAccount/creationRules} (unauthenticated). */
	public CreationRules creationRules(String country, LegalForm legalform, String ovhCompany, String ovhSubsidiary) {
		OvhPath path = OvhPath.of("/newAccount/creationRules")
			.query("country", country)
			.query("legalform", legalform)
			.query("ovhCompany", ovhCompany)
			.query("ovhSubsidiary", ovhSubsidiary);
		return this.transport.call(new OvhTransport.Call("GET", path, null, OvhTransport.Auth.NONE, Map.of()),
				CreationRules.class);
	}

	/** {@code GET /me/task/domain}: ids of the account's domain tasks. */
	public List<Long> domainTaskIds(String domain, String function, TaskStatus status, String type) {
		OvhPath path = OvhPath.of("/me/task/domain")
			.query("domain", domain)
			.query("function", function)
			.query("status", status)
			.query("type", type);
		return new OvhLister<>(this.transport, path, DomainTask.class, (id) -> OvhPath.of("/me/task/domain/{id}", id),
				null)
			.ids()
			.stream()
			.map(Long::valueOf)
			.toList();
	}

	/** {@code GET /me/task/domain/{id}}. */
	public DomainTask domainTask(long id) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/me/task/domain/{id}", id)), DomainTask.class);
	}

}
