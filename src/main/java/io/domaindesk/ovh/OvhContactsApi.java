package io.domaindesk.ovh;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

/**
 * Owner contacts ({@code /domain/contact}, {@code /me/contact}), their eligibility rules,
 * and NIC-handle contact-change tasks ({@code /me/task/contactChange}).
 */
public final class OvhContactsApi {

	private final OvhTransport transport;

	OvhContactsApi(OvhTransport transport) {
		this.transport = transport;
	}

	/** {@code GET /domain/contact}: already full objects, no paging. */
	public List<DomainContact> domainContacts() {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/domain/contact")),
				this.transport.mapper().constructType(new TypeReference<List<DomainContact>>() {
				}));
	}

	/** {@code POST /domain/contact}. */
	public DomainContact createDomainContact(DomainContact contact) {
		return this.transport.call(OvhDomainsApi.write("POST", OvhPath.of("/domain/contact"), withoutId(contact)),
				DomainContact.class);
	}

	/** {@code GET /domain/contact/{contactId}}. */
	public DomainContact domainContact(long contactId) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/domain/contact/{contactId}", contactId)),
				DomainContact.class);
	}

	/**
	 * {@code PUT /domain/contact/{contactId}}; must satisfy the {@code update} rules (see
	 * {@link #checkConfigurationRule}). Null fields are not sent.
	 */
	public DomainContact updateDomainContact(long contactId, DomainContact contact) {
		return this.transport.call(
				OvhDomainsApi.write("PUT", OvhPath.of("/domain/contact/{contactId}", contactId), withoutId(contact)),
				DomainContact.class);
	}

	/**
	 * {@code PUT /domain/contact/{contactId}} that also clears fields: OVHcloud keeps a
	 * property the body leaves out, so each cleared one (a label such as {@code fax} or
	 * {@code address.line2}) is sent as an explicit {@code null}.
	 */
	public DomainContact updateDomainContact(long contactId, DomainContact contact,
			java.util.Collection<String> cleared) {
		ObjectNode node = (ObjectNode) withoutId(contact);
		for (String label : cleared) {
			int dot = label.indexOf('.');
			if (dot > 0) {
				ObjectNode parent = (node.get(label.substring(0, dot)) instanceof ObjectNode existing) ? existing
						: node.putObject(label.substring(0, dot));
				parent.putNull(label.substring(dot + 1));
			}
			else {
				node.putNull(label);
			}
		}
		return this.transport.call(
				OvhDomainsApi.write("PUT", OvhPath.of("/domain/contact/{contactId}", contactId), node),
				DomainContact.class);
	}

	/**
	 * {@code GET /domain/configurationRule}: the rule tree for an action ({@code create},
	 * {@code trade}, {@code transfer}, {@code update}) on a domain.
	 */
	public ConfigurationRule configurationRule(String action, String domain) {
		return this.transport.call(new OvhTransport.Call("GET",
				OvhPath.of("/domain/configurationRule").query("action", action).query("domain", domain), null,
				OvhTransport.Auth.OPTIONAL, Map.of()), ConfigurationRule.class);
	}

	/**
	 * {@code POST /domain/configurationRule/check}: returns normally when the data
	 * respects the rules.
	 * @throws OvhException.RuleViolation with per-field violations otherwise
	 */
	public void checkConfigurationRule(String action, String domain, RuleData data) {
		Object body = (data != null) ? this.transport.mapper().valueToTree(data) : Map.of();
		if (body instanceof ObjectNode node && node.get("owner") instanceof ObjectNode owner) {
			owner.remove("id");
		}
		this.transport.exchange(OvhDomainsApi.write("POST",
				OvhPath.of("/domain/configurationRule/check").query("action", action).query("domain", domain), body));
	}

	/** {@code GET /me/contact/{contactId}}. */
	public MeContact meContact(long contactId) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/me/contact/{contactId}", contactId)),
				MeContact.class);
	}

	/** Contact-change task ids ({@code GET /me/task/contactChange}). */
	public List<Long> contactChangeIds(ContactChangeFilter filter) {
		return contactChanges(filter).ids().stream().map(Long::valueOf).toList();
	}

	public OvhPage<ContactChangeTask> contactChangePage(ContactChangeFilter filter, int number, int size) {
		return contactChanges(filter).page(number, size);
	}

	public void forEachContactChangePage(ContactChangeFilter filter, int size,
			Consumer<OvhPage<ContactChangeTask>> consumer) {
		contactChanges(filter).forEachPage(size, consumer);
	}

	public List<ContactChangeTask> contactChanges(ContactChangeFilter filter, int pageSize) {
		return contactChanges(filter).all(pageSize);
	}

	/**
	 * The contact-change tasks in one state ({@code GET /me/task/contactChange?state=}):
	 * the objects in Iceberg mode, else only their ids.
	 */
	public OvhListing<ContactChangeTask> contactChangesIn(ContactChangeState state, int pageSize) {
		return contactChanges(new ContactChangeFilter(null, state, null)).listing(pageSize);
	}

	/** {@code GET /me/task/contactChange/{id}}. */
	public ContactChangeTask contactChange(long id) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/me/task/contactChange/{id}", id)),
				ContactChangeTask.class);
	}

	/** {@code POST /me/task/contactChange/{id}/accept} with the token from the e-mail. */
	public void acceptContactChange(long id, String token) {
		this.transport.exchange(OvhDomainsApi.write("POST", OvhPath.of("/me/task/contactChange/{id}/accept", id),
				Map.of("token", Objects.requireNonNull(token, "token"))));
	}

	/** {@code POST /me/task/contactChange/{id}/refuse} with the token from the e-mail. */
	public void refuseContactChange(long id, String token) {
		this.transport.exchange(OvhDomainsApi.write("POST", OvhPath.of("/me/task/contactChange/{id}/refuse", id),
				Map.of("token", Objects.requireNonNull(token, "token"))));
	}

	/** {@code POST /me/task/contactChange/{id}/resendEmail}: mails a new token. */
	public void resendContactChangeEmail(long id) {
		this.transport
			.exchange(OvhDomainsApi.write("POST", OvhPath.of("/me/task/contactChange/{id}/resendEmail", id), null));
	}

	private OvhLister<ContactChangeTask> contactChanges(ContactChangeFilter filter) {
		ContactChangeFilter query = (filter != null) ? filter : ContactChangeFilter.ALL;
		OvhPath path = OvhPath.of("/me/task/contactChange")
			.query("askingAccount", query.askingAccount())
			.query("state", query.state())
			.query("toAccount", query.toAccount());
		return new OvhLister<>(this.transport, path, ContactChangeTask.class,
				(id) -> OvhPath.of("/me/task/contactChange/{id}", id), query::matches);
	}

	/**
	 * The id is read-only: OVHcloud's own manager leaves it out of the body.
	 */
	private Object withoutId(DomainContact contact) {
		ObjectNode node = this.transport.mapper().valueToTree(Objects.requireNonNull(contact, "contact"));
		node.remove("id");
		return node;
	}

	/** Filters of {@code GET /me/task/contactChange}; null means any. */
	public record ContactChangeFilter(String askingAccount, ContactChangeState state, String toAccount) {

		public static final ContactChangeFilter ALL = new ContactChangeFilter(null, null, null);

		boolean matches(ContactChangeTask task) {
			return (this.askingAccount == null || this.askingAccount.equalsIgnoreCase(task.askingAccount()))
					&& (this.state == null || this.state.equals(task.state()))
					&& (this.toAccount == null || this.toAccount.equalsIgnoreCase(task.toAccount()));
		}

	}

}
