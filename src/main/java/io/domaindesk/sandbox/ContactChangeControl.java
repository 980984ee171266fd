package io.domaindesk.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test hooks on contact-change tasks: personal or lenient tokens per account, many
 * pending tasks at once (to measure what a poll costs), a task asked long before the
 * client read it, and a task ending without either party (settled or expired).
 */
@Component
@ConditionalOnSandbox
public class ContactChangeControl {

	private final ObjectStore store;

	private final TokenPolicy tokens;

	private final SandboxClock clock;

	private final Domains domains;

	ContactChangeControl(ObjectStore store, TokenPolicy tokens, SandboxClock clock, Domains domains) {
		this.store = store;
		this.tokens = tokens;
		this.clock = clock;
		this.domains = domains;
	}

	/**
	 * Changes a domain at OVHcloud behind DomainDesk's back (in the Control Panel, by
	 * another tool): its contact of this type, at once, without any task.
	 * @param domain the domain name
	 * @param type {@code contactAdmin}, {@code contactTech} or {@code contactBilling}
	 * @param nichandle the new contact
	 */
	@Transactional
	public void setContact(String domain, String type, String nichandle) {
		ObjectNode doc = this.domains.get(domain);
		((ObjectNode) doc.get(type)).put("id", Nichandles.normalise(nichandle));
		this.domains.save(doc);
	}

	/**
	 * Puts a domain in another state at OVHcloud (e.g. {@code expired}), behind
	 * DomainDesk's back.
	 * @param domain the domain name
	 * @param state a {@code domain.DomainStateEnum} value
	 * @return the state it had
	 */
	@Transactional
	public String setDomainState(String domain, String state) {
		ObjectNode doc = this.domains.get(domain);
		String before = Json.text(doc, "state");
		doc.put("state", state);
		this.domains.save(doc);
		return before;
	}

	/**
	 * Whether {@code nichandle} may answer with another party's token.
	 * @param nichandle the account
	 * @param lenient true lenient, false personal, null back to the configured mode
	 */
	public void setLenientTokens(String nichandle, Boolean lenient) {
		this.tokens.set(nichandle, lenient);
	}

	/**
	 * Creates {@code count} tasks waiting for the customers' answers, asked by and
	 * handing over from {@code nichandle}, on domains {@code <prefix><n>.example}; no
	 * mail is sent.
	 * @param nichandle the account
	 * @param prefix domain name prefix
	 * @param count how many
	 * @return their ids
	 */
	@Transactional
	public List<Long> seedPending(String nichandle, String prefix, int count) {
		List<Long> ids = new ArrayList<>(count);
		Instant now = this.clock.now();
		for (int i = 0; i < count; i++) {
			long id = this.store.nextId();
			String domain = prefix + i + ".example";
			ObjectNode task = Json.object();
			task.put("id", id);
			task.put("askingAccount", nichandle);
			task.put("fromAccount", nichandle);
			task.put("toAccount", "zz9999-ovh");
			task.set("contactTypes", Json.strings(List.of("contactTech")));
			task.put("serviceDomain", domain);
			task.put("dateRequest", Json.dateTime(now.minusSeconds(count - i)));
			task.putNull("dateDone");
			task.put("state", "validatingByCustomers");
			task.put("_fromAccepted", false);
			task.put("_toAccepted", false);
			this.store.insert(ObjectStore.CONTACT_CHANGE, Long.toString(id), List.of(nichandle, "zz9999-ovh"), domain,
					task);
			ids.add(id);
		}
		return ids;
	}

	/**
	 * Makes a pending task one that was asked at {@code requestedAt}: its
	 * {@code dateRequest} (OVHcloud's "Date at which the request has been made") moves
	 * back, and the 7 days count from it, as for a task asked in the Control Panel, or
	 * whose answer the client recorded later than OVHcloud created it. Nothing is mailed
	 * again.
	 * @param taskId the task
	 * @param requestedAt when it was asked (less than 7 days before the sandbox's now, or
	 * it expires at the next call)
	 */
	@Transactional
	public void requestedAt(long taskId, Instant requestedAt) {
		ObjectNode task = this.store.findForUpdate(ObjectStore.CONTACT_CHANGE, Long.toString(taskId))
			.orElseThrow(() -> OvhError.objectNotFound(taskId));
		task.put("dateRequest", Json.dateTime(requestedAt));
		this.store.updateDoc(ObjectStore.CONTACT_CHANGE, Long.toString(taskId), task);
	}

	/**
	 * Ends a task as OVHcloud would without an answer here: {@code expired} after the 7
	 * days, {@code aborted}, {@code refused} by the other party…
	 * @param taskId the task
	 * @param state its final state
	 */
	@Transactional
	public void settle(long taskId, String state) {
		ObjectNode task = this.store.findForUpdate(ObjectStore.CONTACT_CHANGE, Long.toString(taskId))
			.orElseThrow(() -> OvhError.objectNotFound(taskId));
		task.put("state", state);
		task.put("dateDone", Json.dateTime(this.clock.now()));
		task.putNull("_fromToken");
		task.putNull("_toToken");
		this.store.updateDoc(ObjectStore.CONTACT_CHANGE, Long.toString(taskId), task);
	}

}
