package io.domaindesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Domain operations ({@code domain.Task}) and the owner-change task {@code DomainTrade}:
 * it waits in {@code todo} until its todo date, then in {@code doing} for both owners to
 * confirm from their mailbox (done) or one to refuse (cancelled); after 14 days it is
 * cancelled.
 */
@Component
@ConditionalOnSandbox
class DomainTasks {

	static final String TRADE = "DomainTrade";

	static final Set<String> OPEN = Set.of("todo", "doing");

	static final Duration TRADE_START = Duration.ofMinutes(10);

	static final Duration TRADE_VALIDITY = Duration.ofDays(14);

	private final ObjectStore store;

	private final Domains domains;

	private final Mailbox mailbox;

	private final SandboxClock clock;

	private final Tokens tokens;

	private final AccountSettings settings;

	DomainTasks(ObjectStore store, Domains domains, Mailbox mailbox, SandboxClock clock, Tokens tokens,
			AccountSettings settings) {
		this.store = store;
		this.domains = domains;
		this.mailbox = mailbox;
		this.clock = clock;
		this.tokens = tokens;
		this.settings = settings;
	}

	/** Creates a task on a domain; visible to the domain's contacts at that time. */
	ObjectNode create(ObjectNode domain, String function, String status, String comment, Instant creation,
			Instant todoDate) {
		long id = this.store.nextId();
		ObjectNode task = Json.object();
		task.put("id", id);
		task.put("function", function);
		task.put("status", status);
		task.put("comment", comment);
		task.put("domain", Json.text(domain, "domain"));
		task.put("creationDate", Json.dateTime(creation));
		task.put("todoDate", Json.dateTime(todoDate));
		task.put("lastUpdate", Json.dateTime(creation));
		if ("done".equals(status) || "cancelled".equals(status)) {
			task.put("doneDate", Json.dateTime(todoDate));
		}
		else {
			task.putNull("doneDate");
		}
		task.put("type", "domain");
		flags(task);
		this.store.insert(ObjectStore.DOMAIN_TASK, Long.toString(id), Domains.parties(domain),
				Json.text(domain, "domain"), task);
		return task;
	}

	/**
	 * Starts an owner change and mails both owners their confirmation token; on an
	 * account switched to task errors, it stops in {@code error} first, waiting for its
	 * {@code reason} argument, and mails nobody until relaunched with a valid one.
	 */
	ObjectNode createTrade(ObjectNode domain, long newOwner, Long orderId, Instant creation) {
		return createTrade(domain, newOwner, orderId, creation, Domains.contact(domain, "contactAdmin"));
	}

	/**
	 * @param account the account that ordered the change, whose settings apply
	 */
	ObjectNode createTrade(ObjectNode domain, long newOwner, Long orderId, Instant creation, String account) {
		boolean faulty = this.settings.tradeTaskError(account);
		ObjectNode task = create(domain, TRADE, faulty ? "error" : "todo",
				faulty ? TaskArguments.FAULTY_COMMENT : "Waiting for the validation of the owner change", creation,
				creation.plus(TRADE_START));
		task.put("_account", account);
		task.put("_oldOwner", Json.text(domain, "whoisOwner"));
		task.put("_newOwner", Long.toString(newOwner));
		task.put("_oldToken", this.tokens.next());
		task.put("_newToken", this.tokens.next());
		task.put("_oldConfirmed", false);
		task.put("_newConfirmed", false);
		if (orderId != null) {
			task.put("_orderId", orderId);
		}
		task.set("_arguments", TaskArguments.forTrade(newOwner, faulty));
		if (faulty) {
			task.put("_mailsPending", true);
		}
		else {
			mailOwners(task, domain);
		}
		save(task);
		return task;
	}

	private void mailOwners(ObjectNode task, ObjectNode domain) {
		String name = Json.text(domain, "domain");
		long id = task.path("id").asLong();
		String newOwner = Json.text(task, "_newOwner");
		this.mailbox.send("contact " + Json.text(task, "_oldOwner"),
				"Owner change of " + name + ": confirm as former owner", "domainTrade", id,
				Json.text(task, "_oldToken"), "oldOwner", "The ownership of " + name
						+ " is being transferred to contact " + newOwner + ". Confirm within 14 days. Task " + id);
		this.mailbox.send("contact " + newOwner, "Owner change of " + name + ": confirm as new owner", "domainTrade",
				id, Json.text(task, "_newToken"), "newOwner",
				"You are becoming the owner of " + name + ". Confirm within 14 days. Task " + id);
		task.remove("_mailsPending");
	}

	/**
	 * The actions a task offers depend on its state, as
	 * {@code canAccelerate/canCancel/canRelaunch}.
	 */
	static void flags(ObjectNode task) {
		String status = Json.text(task, "status");
		boolean trade = TRADE.equals(Json.text(task, "function"));
		task.put("canAccelerate", "todo".equals(status));
		task.put("canCancel", trade ? OPEN.contains(status) : "todo".equals(status));
		task.put("canRelaunch", "error".equals(status));
	}

	/** A new contact with the same data and another id, visible to the same accounts. */
	private String copyContact(String contactId) {
		ObjectStore.Row row = this.store.findRow(ObjectStore.CONTACT, contactId)
			.orElseThrow(() -> OvhError.objectNotFound(Long.parseLong(contactId)));
		long copy = this.store.nextId();
		this.store.insert(ObjectStore.CONTACT, Long.toString(copy), row.parties(), row.ref(),
				OwnerContacts.normalise(copy, row.doc()));
		return Long.toString(copy);
	}

	/** Stores a task whose arguments changed. */
	void saveArguments(ObjectNode task) {
		save(task);
	}

	private void save(ObjectNode task) {
		flags(task);
		this.store.updateDoc(ObjectStore.DOMAIN_TASK, Json.text(task, "id"), task);
	}

	List<String> idsForDomain(String domain, String function, String status, String type) {
		return this.store.docsByRef(ObjectStore.DOMAIN_TASK, domain)
			.stream()
			.filter((task) -> function == null || like(Json.text(task, "function"), function))
			.filter((task) -> status == null || status.equals(Json.text(task, "status")))
			.filter((task) -> type == null || type.equals(Json.text(task, "type")))
			.map((task) -> Json.text(task, "id"))
			.toList();
	}

	List<String> idsForAccount(String nichandle, String domain, String function, String status, String type) {
		return this.store.docsFor(ObjectStore.DOMAIN_TASK, nichandle)
			.stream()
			.filter((task) -> domain == null || like(Json.text(task, "domain"), domain))
			.filter((task) -> function == null || function.equals(Json.text(task, "function")))
			.filter((task) -> status == null || status.equals(Json.text(task, "status")))
			.filter((task) -> type == null || type.equals(Json.text(task, "type")))
			.map((task) -> Json.text(task, "id"))
			.toList();
	}

	/** OVHcloud's "like" filter: {@code %} is the wildcard, otherwise an exact match. */
	static boolean like(String value, String pattern) {
		if (value == null) {
			return false;
		}
		String regex = java.util.regex.Pattern.quote(pattern).replace("%", "\\E.*\\Q");
		return java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE)
			.matcher(value)
			.matches();
	}

	ObjectNode forDomain(String domain, long id) {
		return this.store.findRow(ObjectStore.DOMAIN_TASK, Long.toString(id))
			.filter((row) -> domain.equals(row.ref()))
			.map(ObjectStore.Row::doc)
			.orElseThrow(() -> OvhError.objectNotFound(id));
	}

	ObjectNode forAccount(String nichandle, long id) {
		return this.store.findRow(ObjectStore.DOMAIN_TASK, Long.toString(id))
			.filter((row) -> row.parties().contains(nichandle))
			.map(ObjectStore.Row::doc)
			.orElseThrow(() -> OvhError.objectNotFound(id));
	}

	@Transactional
	void accelerate(ObjectNode task) {
		if (!Json.bool(task, "canAccelerate")) {
			throw OvhError.badRequest("This task cannot be accelerated");
		}
		Instant now = this.clock.now();
		task.put("todoDate", Json.dateTime(now));
		task.put("lastUpdate", Json.dateTime(now));
		if (TRADE.equals(Json.text(task, "function"))) {
			task.put("status", "doing");
		}
		save(task);
	}

	@Transactional
	void cancel(ObjectNode task) {
		if (!Json.bool(task, "canCancel")) {
			throw OvhError.badRequest("This task cannot be cancelled");
		}
		finish(task, "cancelled", "Cancelled by the customer");
	}

	@Transactional
	void relaunch(ObjectNode task) {
		if (!Json.bool(task, "canRelaunch")) {
			throw OvhError.badRequest("This task cannot be relaunched");
		}
		Instant now = this.clock.now();
		String faulty = TaskArguments.faulty(task);
		if (faulty != null) {
			// OVHcloud takes the relaunch and the task fails again on the same argument.
			task.put("comment", TaskArguments.FAULTY_COMMENT + " (" + faulty + " is still invalid)");
			task.put("lastUpdate", Json.dateTime(now));
			save(task);
			return;
		}
		if (Json.bool(task, "_mailsPending")) {
			mailOwners(task, this.domains.get(Json.text(task, "domain")));
		}
		task.put("status", "todo");
		task.put("todoDate", Json.dateTime(now.plus(Duration.ofMinutes(1))));
		task.put("lastUpdate", Json.dateTime(now));
		task.putNull("comment");
		save(task);
	}

	private void finish(ObjectNode task, String status, String comment) {
		Instant now = this.clock.now();
		task.put("status", status);
		task.put("comment", comment);
		task.put("doneDate", Json.dateTime(now));
		task.put("lastUpdate", Json.dateTime(now));
		task.putNull("_oldToken");
		task.putNull("_newToken");
		save(task);
	}

	/** A confirmation link clicked in the mailbox, as the former or the new owner. */
	@Transactional
	void answerTrade(long id, String token, boolean confirm) {
		ObjectNode task = this.store.findForUpdate(ObjectStore.DOMAIN_TASK, Long.toString(id))
			.orElseThrow(() -> OvhError.objectNotFound(id));
		if (!TRADE.equals(Json.text(task, "function")) || !OPEN.contains(Json.text(task, "status"))) {
			throw OvhError.badRequest("This owner change is not pending anymore");
		}
		String side;
		if (token != null && Tokens.same(token, Json.text(task, "_oldToken"))) {
			side = "old";
		}
		else if (token != null && Tokens.same(token, Json.text(task, "_newToken"))) {
			side = "new";
		}
		else {
			throw OvhError.forbidden("Invalid token");
		}
		task.putNull("_" + side + "Token");
		if (!confirm) {
			finish(task, "cancelled", "The owner change was refused by the " + side + " owner");
			return;
		}
		task.put("_" + side + "Confirmed", true);
		task.put("lastUpdate", Json.dateTime(this.clock.now()));
		if (Json.bool(task, "_oldConfirmed") && Json.bool(task, "_newConfirmed")) {
			ObjectNode domain = this.domains.get(Json.text(task, "domain"));
			String owner = Json.text(task, "_newOwner");
			String account = (Json.text(task, "_account") != null) ? Json.text(task, "_account")
					: Domains.contact(domain, "contactAdmin");
			if (this.settings.copyOwnerOnTrade(account)) {
				// OVHcloud may give the domain its own copy of the new owner contact.
				owner = copyContact(owner);
				task.put("_ownerCopy", owner);
			}
			domain.put("whoisOwner", owner);
			((ObjectNode) domain.path("contactOwner")).put("id", owner);
			this.domains.save(domain);
			finish(task, "done", "The owner change is complete");
			return;
		}
		if ("todo".equals(Json.text(task, "status"))) {
			task.put("status", "doing");
		}
		save(task);
	}

	@Transactional
	void tick() {
		Instant now = this.clock.now();
		for (ObjectNode task : this.store.docsWhere(ObjectStore.DOMAIN_TASK, "status", OPEN)) {
			Instant todo = Json.instant(Json.text(task, "todoDate"));
			Instant created = Json.instant(Json.text(task, "creationDate"));
			boolean trade = TRADE.equals(Json.text(task, "function"));
			if (trade && created.plus(TRADE_VALIDITY).isBefore(now)) {
				finish(task, "cancelled", "The owner change was not confirmed within 14 days");
			}
			else if ("todo".equals(Json.text(task, "status")) && !todo.isAfter(now)) {
				task.put("status", trade ? "doing" : "done");
				task.put("lastUpdate", Json.dateTime(now));
				if (!trade) {
					task.put("doneDate", Json.dateTime(now));
				}
				save(task);
			}
			else if (!trade && "doing".equals(Json.text(task, "status"))) {
				finish(task, "done", null);
			}
		}
	}

	boolean tradePending(String domain) {
		return this.store.docsByRef(ObjectStore.DOMAIN_TASK, domain)
			.stream()
			.anyMatch((task) -> TRADE.equals(Json.text(task, "function")) && OPEN.contains(Json.text(task, "status")));
	}

}
