package io.domaindesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NIC-handle contact change procedure ({@code nichandle.contactChange.Task}): one
 * task per (old, new) nichandle pair, a personal single-use token mailed to each side
 * (accepted only from that side's account unless {@link TokenPolicy} is lenient), done
 * once both accept, refused as soon as one refuses, expired after 7 days (then answering
 * it is HTTP 460). A request for contacts already in place creates no task: the answer is
 * an empty list.
 */
@Component
@ConditionalOnSandbox
class ContactChanges {

	static final List<String> TYPES = List.of("contactAdmin", "contactTech", "contactBilling");

	static final Set<String> PENDING = Set.of("todo", "checkValidity", "validatingByCustomers", "doing");

	static final Duration VALIDITY = Duration.ofDays(7);

	/** A fresh task is "todo" for a moment before OVHcloud mails both parties. */
	static final Duration TODO_DELAY = Duration.ofMinutes(1);

	private final ObjectStore store;

	private final Domains domains;

	private final Nichandles nichandles;

	private final Mailbox mailbox;

	private final SandboxClock clock;

	private final Tokens tokens;

	private final TokenPolicy tokenPolicy;

	ContactChanges(ObjectStore store, Domains domains, Nichandles nichandles, Mailbox mailbox, SandboxClock clock,
			Tokens tokens, TokenPolicy tokenPolicy) {
		this.store = store;
		this.domains = domains;
		this.nichandles = nichandles;
		this.mailbox = mailbox;
		this.clock = clock;
		this.tokens = tokens;
		this.tokenPolicy = tokenPolicy;
	}

	@Transactional
	List<Long> request(String caller, String serviceName, JsonNode body) {
		ObjectNode domain = this.domains.visible(caller, serviceName);
		String name = Json.text(domain, "domain");
		if (!caller.equals(Domains.contact(domain, "contactAdmin"))) {
			throw OvhError.forbidden("You are not allowed");
		}
		Map<String, String> requested = new LinkedHashMap<>();
		for (String type : TYPES) {
			String value = Json.text(body, type);
			if (value != null && !value.isBlank()) {
				requested.put(type, Nichandles.normalise(value));
			}
		}
		if (requested.isEmpty()) {
			throw OvhError.badRequest("You must provide at least one contact to change");
		}
		if (Domains.EXPIRED.contains(Json.text(domain, "state"))) {
			// A lapsed service is OVHcloud's "resource expired" (HTTP 460, notes §2.2),
			// not an invalid request: renewing it is what helps.
			throw OvhError.expired("This service is expired");
		}
		if (!Domains.CHANGEABLE.contains(Json.text(domain, "state"))) {
			throw OvhError.badRequest("The contacts of " + name + " cannot be changed while the domain is in state "
					+ Json.text(domain, "state"));
		}
		for (Map.Entry<String, String> entry : requested.entrySet()) {
			if (!this.nichandles.exists(entry.getValue())) {
				throw OvhError.badRequest("Nichandle " + entry.getValue() + " does not exist");
			}
		}
		// A contact already in place needs no procedure: no task for it, and an empty
		// list when none is left.
		requested.entrySet().removeIf((entry) -> entry.getValue().equals(Domains.contact(domain, entry.getKey())));
		if (requested.isEmpty()) {
			return List.of();
		}
		for (ObjectNode task : this.store.docsByRef(ObjectStore.CONTACT_CHANGE, name)) {
			if (PENDING.contains(Json.text(task, "state"))) {
				for (JsonNode type : task.path("contactTypes")) {
					if (requested.containsKey(type.asString())) {
						throw OvhError.of(HttpStatus.CONFLICT, "Client::Conflict",
								"A contact change procedure is already in progress for " + type.asString() + " of "
										+ name);
					}
				}
			}
		}
		// "one task per nichandle": contact types moving between the same two accounts
		// share a task.
		Map<String, List<String>> byPair = new LinkedHashMap<>();
		requested.forEach((type, to) -> byPair
			.computeIfAbsent(Domains.contact(domain, type) + " " + to, (key) -> new ArrayList<>())
			.add(type));
		List<Long> ids = new ArrayList<>();
		byPair.forEach((pair, types) -> {
			String[] accounts = pair.split(" ");
			ids.add(create(caller, accounts[0], accounts[1], name, types, this.clock.now(), "todo"));
		});
		return ids;
	}

	/** Creates a task and mails both parties; also used by the seeder. */
	long create(String asking, String from, String to, String domain, List<String> types, Instant requestedAt,
			String state) {
		long id = this.store.nextId();
		ObjectNode task = Json.object();
		task.put("id", id);
		task.put("askingAccount", asking);
		task.put("fromAccount", from);
		task.put("toAccount", to);
		task.set("contactTypes", Json.strings(types));
		task.put("serviceDomain", domain);
		task.put("dateRequest", Json.dateTime(requestedAt));
		task.putNull("dateDone");
		task.put("state", state);
		task.put("_fromToken", this.tokens.next());
		task.put("_toToken", this.tokens.next());
		task.put("_fromAccepted", false);
		task.put("_toAccepted", false);
		this.store.insert(ObjectStore.CONTACT_CHANGE, Long.toString(id), List.of(asking, from, to), domain, task);
		mail(task, "from");
		mail(task, "to");
		return id;
	}

	private void mail(ObjectNode task, String party) {
		String recipient = Json.text(task, party + "Account");
		String token = Json.text(task, "_" + party + "Token");
		String domain = Json.text(task, "serviceDomain");
		String subject = "Contact change request for " + domain + " (" + String.join(", ", types(task)) + ")";
		String body = ("from".equals(party)
				? "You are the current contact. Accept to hand " + domain + " over to " + Json.text(task, "toAccount")
				: "You are the new contact. Accept to take " + domain + " over from " + Json.text(task, "fromAccount"))
				+ ". Task " + Json.text(task, "id") + ", token: " + token;
		this.mailbox.send(recipient, subject, "contactChange", task.path("id").asLong(), token, party, body);
	}

	private static List<String> types(ObjectNode task) {
		List<String> types = new ArrayList<>();
		task.path("contactTypes").forEach((type) -> types.add(type.asString()));
		return types;
	}

	List<String> ids(String caller, String askingAccount, String state, String toAccount) {
		return this.store.docsFor(ObjectStore.CONTACT_CHANGE, caller)
			.stream()
			.filter((task) -> askingAccount == null || askingAccount.equalsIgnoreCase(Json.text(task, "askingAccount")))
			.filter((task) -> state == null || state.equals(Json.text(task, "state")))
			.filter((task) -> toAccount == null || toAccount.equalsIgnoreCase(Json.text(task, "toAccount")))
			.map((task) -> Json.text(task, "id"))
			.toList();
	}

	ObjectNode visible(String caller, long id) {
		return this.store.findRow(ObjectStore.CONTACT_CHANGE, Long.toString(id))
			.filter((row) -> row.parties().contains(caller))
			.map(ObjectStore.Row::doc)
			.orElseThrow(() -> OvhError.objectNotFound(id));
	}

	@Transactional
	void accept(String caller, long id, String token) {
		visible(caller, id);
		answer(id, token, true, caller);
	}

	@Transactional
	void refuse(String caller, long id, String token) {
		visible(caller, id);
		answer(id, token, false, caller);
	}

	/** What the mailbox's buttons do: the token alone decides which party answers. */
	@Transactional
	void answer(long id, String token, boolean accept) {
		answer(id, token, accept, null);
	}

	/**
	 * @param caller the account answering through the API, null for a click in the mail
	 * (the party is then the token's owner)
	 */
	private void answer(long id, String token, boolean accept, String caller) {
		ObjectNode task = this.store.findForUpdate(ObjectStore.CONTACT_CHANGE, Long.toString(id))
			.orElseThrow(() -> OvhError.objectNotFound(id));
		if ("expired".equals(Json.text(task, "state"))) {
			throw OvhError.expired("This contact change request has expired");
		}
		if (!PENDING.contains(Json.text(task, "state"))) {
			throw OvhError.badRequest("This task is not pending anymore (state " + Json.text(task, "state") + ")");
		}
		String party;
		if (token != null && Tokens.same(token, Json.text(task, "_fromToken"))) {
			party = "from";
		}
		else if (token != null && Tokens.same(token, Json.text(task, "_toToken"))) {
			party = "to";
		}
		else {
			throw OvhError.forbidden("Invalid token");
		}
		if (caller != null && !this.tokenPolicy.lenient(caller)
				&& !caller.equalsIgnoreCase(Json.text(task, party + "Account"))) {
			// Personal: the other party's token does not work from this account.
			throw OvhError.forbidden("Invalid token");
		}
		// Single use: the token is burnt whatever the answer.
		task.putNull("_" + party + "Token");
		Instant now = this.clock.now();
		if (!accept) {
			task.put("state", "refused");
			task.put("dateDone", Json.dateTime(now));
		}
		else {
			task.put("_" + party + "Accepted", true);
			task.put("state", "validatingByCustomers");
			if (Json.bool(task, "_fromAccepted") && Json.bool(task, "_toAccepted")) {
				complete(task, now);
			}
		}
		this.store.updateDoc(ObjectStore.CONTACT_CHANGE, Long.toString(id), task);
	}

	private void complete(ObjectNode task, Instant now) {
		ObjectNode domain = this.domains.get(Json.text(task, "serviceDomain"));
		for (String type : types(task)) {
			((ObjectNode) domain.path(type)).put("id", Json.text(task, "toAccount"));
		}
		this.domains.save(domain);
		task.put("state", "done");
		task.put("dateDone", Json.dateTime(now));
	}

	/** Sends the caller's side (or both sides, for the asking account) a new token. */
	@Transactional
	void resendEmail(String caller, long id) {
		ObjectNode task = visible(caller, id);
		if ("expired".equals(Json.text(task, "state"))) {
			throw OvhError.expired("This contact change request has expired");
		}
		if (!PENDING.contains(Json.text(task, "state"))) {
			throw OvhError.badRequest("This task is not pending anymore (state " + Json.text(task, "state") + ")");
		}
		boolean any = false;
		for (String party : List.of("from", "to")) {
			boolean answered = Json.bool(task, "_" + party + "Accepted");
			boolean mine = caller.equals(Json.text(task, party + "Account"));
			boolean asker = !caller.equals(Json.text(task, "fromAccount"))
					&& !caller.equals(Json.text(task, "toAccount"));
			if (!answered && (mine || asker)) {
				task.put("_" + party + "Token", this.tokens.next());
				mail(task, party);
				any = true;
			}
		}
		if (!any) {
			throw OvhError.badRequest("You have already answered this request");
		}
		this.store.updateDoc(ObjectStore.CONTACT_CHANGE, Long.toString(id), task);
	}

	@Transactional
	void tick() {
		Instant now = this.clock.now();
		for (ObjectNode task : this.store.docsWhere(ObjectStore.CONTACT_CHANGE, "state", PENDING)) {
			Instant requested = Json.instant(Json.text(task, "dateRequest"));
			String before = Json.text(task, "state");
			if (requested.plus(VALIDITY).isBefore(now)) {
				task.put("state", "expired");
				task.put("dateDone", Json.dateTime(requested.plus(VALIDITY)));
				task.putNull("_fromToken");
				task.putNull("_toToken");
			}
			else if ("todo".equals(before) && requested.plus(TODO_DELAY).isBefore(now)) {
				task.put("state", "validatingByCustomers");
			}
			if (!before.equals(Json.text(task, "state"))) {
				this.store.updateDoc(ObjectStore.CONTACT_CHANGE, Json.text(task, "id"), task);
			}
		}
	}

	static ObjectNode view(ObjectNode task) {
		return Json.publicView(task);
	}

	static ArrayNode idArray(List<String> ids) {
		ArrayNode array = Json.array();
		ids.forEach((id) -> array.add(Long.parseLong(id)));
		return array;
	}

}
