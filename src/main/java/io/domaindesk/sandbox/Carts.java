package io.domaindesk.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order funnel of an owner change: cart, {@code <tld>-trade} option,
 * {@code OWNER_CONTACT} configuration, checkout (once) producing an order and a
 * {@code DomainTrade} task.
 */
@Component
@ConditionalOnSandbox
class Carts {

	/**
	 * Trade prices excluding tax, in euro cents; gTLD owner changes are free at OVHcloud.
	 */
	static final Map<String, Long> TRADE_PRICES = Map.of("be", 999L, "eu", 599L, "it", 999L, "lu", 1999L);

	/** How long an unpaid order waits for its payment before OVHcloud cancels it. */
	static final Duration UNPAID_VALIDITY = Duration.ofDays(15);

	/** The registered mean that pays an order of 0 €. */
	static final String FREE_ORDER_MEAN = "fidelityAccount";

	static final Set<String> SUBSIDIARIES = Set.of("CZ", "DE", "ES", "EU", "FI", "FR", "GB", "IE", "IT", "LT", "MA",
			"NL", "PL", "PT", "SN", "TN");

	private final ObjectStore store;

	private final Domains domains;

	private final DomainTasks tasks;

	private final OwnerContacts contacts;

	private final SandboxClock clock;

	private final AccountSettings settings;

	Carts(ObjectStore store, Domains domains, DomainTasks tasks, OwnerContacts contacts, SandboxClock clock,
			AccountSettings settings) {
		this.store = store;
		this.domains = domains;
		this.tasks = tasks;
		this.contacts = contacts;
		this.clock = clock;
		this.settings = settings;
	}

	static long tradePrice(String domain) {
		return TRADE_PRICES.getOrDefault(Domains.tld(domain), 0L);
	}

	static ObjectNode price(long cents) {
		ObjectNode price = Json.object();
		price.put("currencyCode", "EUR");
		price.put("priceInUcents", cents * 1_000_000L);
		price.put("text", BigDecimal.valueOf(cents, 2).toPlainString() + " €");
		price.put("value", BigDecimal.valueOf(cents, 2).doubleValue());
		return price;
	}

	ArrayNode options(String caller, String serviceName) {
		ObjectNode domain = this.domains.visible(caller, serviceName);
		String name = Json.text(domain, "domain");
		String tld = Domains.tld(name);
		long cents = tradePrice(name);
		ArrayNode options = Json.array();
		ObjectNode option = options.addObject();
		option.put("exclusive", true);
		option.put("mandatory", false);
		option.put("family", "trade");
		option.put("productName", "." + tld);
		option.put("productType", "delivery");
		option.put("planCode", tld + "-trade");
		ObjectNode pricing = option.putArray("prices").addObject();
		pricing.set("capacities", Json.strings(List.of("installation")));
		pricing.put("description", "Owner change of a ." + tld + " domain name");
		pricing.put("duration", "P0D");
		pricing.put("interval", 0);
		pricing.put("maximumQuantity", 1);
		pricing.put("maximumRepeat", 1);
		pricing.put("minimumQuantity", 1);
		pricing.put("minimumRepeat", 1);
		pricing.set("price", price(cents));
		pricing.put("priceInUcents", cents * 1_000_000L);
		pricing.put("pricingMode", "create-default");
		pricing.put("pricingType", "purchase");
		return options;
	}

	@Transactional
	ObjectNode create(String caller, JsonNode body) {
		String subsidiary = Json.text(body, "ovhSubsidiary");
		if (subsidiary == null) {
			throw OvhError.badRequest("Missing parameter(s): ovhSubsidiary");
		}
		if (!SUBSIDIARIES.contains(subsidiary)) {
			throw OvhError.badRequest("[ovhSubsidiary] Given data (" + subsidiary + ") does not belong to the enum");
		}
		Instant now = this.clock.now();
		String expire = Json.text(body, "expire");
		Instant expiry;
		try {
			expiry = (expire != null) ? Json.instant(expire) : now.plus(Duration.ofDays(1));
		}
		catch (RuntimeException ex) {
			throw OvhError.badRequest("[expire] Given data (" + expire + ") is not a valid datetime");
		}
		String id = UUID.randomUUID().toString();
		ObjectNode cart = Json.object();
		cart.put("cartId", id);
		cart.put("description", (Json.text(body, "description") != null) ? Json.text(body, "description") : "");
		cart.put("expire", Json.dateTime(expiry));
		cart.putArray("items");
		cart.put("readOnly", false);
		cart.put("_subsidiary", subsidiary);
		cart.putArray("_items");
		this.store.insert(ObjectStore.CART, id, (caller != null) ? List.of(caller) : List.of(), null, cart);
		return cart;
	}

	/** Carts are reachable by id alone (noAuthentication), until they expire. */
	ObjectNode get(String cartId) {
		ObjectNode cart = this.store.find(ObjectStore.CART, cartId).orElseThrow(() -> OvhError.notFound());
		if (Json.instant(Json.text(cart, "expire")).isBefore(this.clock.now())) {
			throw OvhError.notFound("This cart has expired");
		}
		return cart;
	}

	private void save(ObjectNode cart) {
		String account = Json.text(cart, "_account");
		this.store.update(ObjectStore.CART, Json.text(cart, "cartId"), (account != null) ? List.of(account) : List.of(),
				null, cart);
	}

	@Transactional
	void assign(String caller, String cartId) {
		ObjectNode cart = get(cartId);
		String account = Json.text(cart, "_account");
		if (account != null && !account.equals(caller)) {
			throw OvhError.forbidden("This cart is already assigned to another account");
		}
		cart.put("_account", caller);
		save(cart);
	}

	private ObjectNode owned(String caller, String cartId) {
		ObjectNode cart = get(cartId);
		if (!caller.equals(Json.text(cart, "_account"))) {
			throw OvhError.forbidden("You are not allowed");
		}
		return cart;
	}

	@Transactional
	ObjectNode addTrade(String caller, String serviceName, JsonNode body) {
		List<String> missing = new ArrayList<>();
		for (String field : List.of("cartId", "duration", "planCode", "pricingMode", "quantity")) {
			if (Json.text(body, field) == null) {
				missing.add(field);
			}
		}
		if (!missing.isEmpty()) {
			throw OvhError.badRequest("Missing parameter(s): " + String.join(", ", missing));
		}
		ObjectNode domain = this.domains.visible(caller, serviceName);
		String name = Json.text(domain, "domain");
		ObjectNode cart = owned(caller, Json.text(body, "cartId"));
		if (Json.bool(cart, "readOnly")) {
			throw OvhError.badRequest("This cart is read-only");
		}
		String planCode = Json.text(body, "planCode");
		if (!(Domains.tld(name) + "-trade").equals(planCode)) {
			throw OvhError.badRequest("Plan code " + planCode + " is not available for " + name);
		}
		String duration = Json.text(body, "duration");
		if (!"P0Y".equals(duration) && !"P0D".equals(duration)) {
			throw OvhError.badRequest("Duration " + duration + " is not available for " + planCode);
		}
		if (body.path("quantity").asLong() != 1) {
			throw OvhError.badRequest("Quantity must be 1 for " + planCode);
		}
		long itemId = this.store.nextId();
		long cents = tradePrice(name);
		ObjectNode item = Json.object();
		item.put("cartId", Json.text(cart, "cartId"));
		item.putArray("configurations");
		item.put("duration", duration);
		item.put("itemId", itemId);
		item.putNull("offerId");
		item.putArray("options");
		item.putNull("parentItemId");
		ArrayNode prices = item.putArray("prices");
		for (String label : List.of("PRICE", "TOTAL")) {
			prices.addObject().put("label", label).set("price", price(cents));
		}
		item.put("productId", "domain");
		item.putObject("settings")
			.put("planCode", planCode)
			.put("pricingMode", Json.text(body, "pricingMode"))
			.put("quantity", 1);
		item.put("_domain", name);
		item.putArray("_configurations");
		((ArrayNode) cart.get("_items")).add(item);
		((ArrayNode) cart.get("items")).add(itemId);
		save(cart);
		return Json.publicView(item);
	}

	ObjectNode item(String cartId, long itemId) {
		for (JsonNode item : get(cartId).path("_items")) {
			if (item.path("itemId").asLong() == itemId) {
				return (ObjectNode) item;
			}
		}
		throw OvhError.objectNotFound(itemId);
	}

	ArrayNode requiredConfiguration(String cartId, long itemId) {
		item(cartId, itemId);
		ArrayNode requirements = Json.array();
		ObjectNode owner = requirements.addObject();
		owner.putNull("fields");
		owner.put("label", "OWNER_CONTACT");
		owner.put("required", true);
		owner.put("type", "/me/contact");
		return requirements;
	}

	List<ObjectNode> configurations(String cartId, long itemId, String label) {
		List<ObjectNode> result = new ArrayList<>();
		item(cartId, itemId).path("_configurations").forEach((configuration) -> {
			if (label == null || label.equals(Json.text(configuration, "label"))) {
				result.add((ObjectNode) configuration);
			}
		});
		return result;
	}

	@Transactional
	ObjectNode configure(String cartId, long itemId, JsonNode body) {
		String label = Json.text(body, "label");
		String value = Json.text(body, "value");
		if (label == null || value == null) {
			throw OvhError.badRequest("Missing parameter(s): label, value");
		}
		ObjectNode cart = get(cartId);
		if (Json.bool(cart, "readOnly")) {
			throw OvhError.badRequest("This cart is read-only");
		}
		if (!"OWNER_CONTACT".equals(label)) {
			throw OvhError.badRequest("Configuration " + label + " is not expected for this item");
		}
		if (!value.matches("^/(me|domain)/contact/[0-9]+$")) {
			throw OvhError.badRequest("Value of OWNER_CONTACT must look like /me/contact/{contactId}");
		}
		ObjectNode item = null;
		for (JsonNode candidate : cart.path("_items")) {
			if (candidate.path("itemId").asLong() == itemId) {
				item = (ObjectNode) candidate;
			}
		}
		if (item == null) {
			throw OvhError.objectNotFound(itemId);
		}
		ArrayNode configurations = (ArrayNode) item.get("_configurations");
		// One OWNER_CONTACT per item: a new value replaces the previous one.
		for (int i = configurations.size() - 1; i >= 0; i--) {
			if (label.equals(Json.text(configurations.get(i), "label"))) {
				configurations.remove(i);
			}
		}
		ObjectNode configuration = configurations.addObject();
		configuration.put("id", this.store.nextId());
		configuration.put("label", label);
		configuration.put("value", value);
		ArrayNode ids = item.putArray("configurations");
		configurations.forEach((c) -> ids.add(c.path("id").asLong()));
		save(cart);
		return configuration;
	}

	/** The dry run: validates everything and prices the order without creating it. */
	ObjectNode simulate(String caller, String cartId) {
		ObjectNode cart = owned(caller, cartId);
		return priced(caller, cart, null);
	}

	@Transactional
	ObjectNode checkout(String caller, String cartId, JsonNode body) {
		ObjectNode cart = owned(caller, cartId);
		List<String> missing = new ArrayList<>();
		for (String field : List.of("autoPayWithPreferredPaymentMethod", "waiveRetractationPeriod")) {
			JsonNode value = body.get(field);
			if (value == null || !value.isBoolean()) {
				missing.add(field);
			}
		}
		if (!missing.isEmpty()) {
			throw OvhError.badRequest("Missing parameter(s): " + String.join(", ", missing));
		}
		if (!body.get("waiveRetractationPeriod").asBoolean()) {
			throw OvhError.badRequest("You must waive the retractation period to order a domain name operation");
		}
		long orderId = this.store.nextId();
		ObjectNode order = priced(caller, cart, orderId);
		boolean autoPay = body.get("autoPayWithPreferredPaymentMethod").asBoolean();
		double total = order.path("prices").path("withTax").path("value").asDouble();
		// Automatic payment charges the default payment method; without one the order
		// waits, notPaid, like at OVHcloud. A free order needs no method, only an account
		// that can pay at all.
		SandboxAccounts.Payment payment = this.settings.payment(caller);
		boolean paid = autoPay && (payment == SandboxAccounts.Payment.DEFAULT
				|| (total == 0 && payment != SandboxAccounts.Payment.NONE));
		Instant now = this.clock.now();
		ObjectNode billing = Json.object();
		billing.put("orderId", orderId);
		billing.put("date", Json.dateTime(now));
		billing.put("expirationDate", Json.dateTime(now.plus(UNPAID_VALIDITY)));
		billing.putNull("metadatas");
		billing.put("password", Long.toHexString(orderId * 7919));
		billing.put("pdfUrl", "https://www.ovh.com/cgi-bin/order/facture.pdf?reference=" + orderId);
		billing.set("priceWithTax", order.path("prices").path("withTax"));
		billing.set("priceWithoutTax", order.path("prices").path("withoutTax"));
		billing.set("tax", order.path("prices").path("tax"));
		billing.put("retractionDate", Json.dateTime(now));
		billing.put("url", Json.text(order, "url"));
		billing.put("_paid", false);
		billing.putArray("_tasks");
		ArrayNode lines = billing.putArray("_lines");
		for (JsonNode item : cart.path("_items")) {
			lines.addObject().put("domain", Json.text(item, "_domain")).put("newOwner", newOwner(item));
		}
		long detailId = orderId * 100;
		ArrayNode details = billing.putArray("_details");
		for (JsonNode line : order.path("details")) {
			ObjectNode detail = details.addObject();
			detail.put("orderDetailId", ++detailId);
			detail.put("cancelled", false);
			detail.put("description", Json.text(line, "description"));
			detail.put("detailType", Json.text(line, "detailType"));
			detail.put("domain", Json.text(line, "domain"));
			detail.put("quantity", "1");
			detail.set("totalPrice", line.path("totalPrice"));
			detail.set("unitPrice", line.path("unitPrice"));
		}
		billing.put("_account", caller);
		if (paid) {
			deliver(billing, "automatic", now);
		}
		this.store.insert(ObjectStore.ORDER, Long.toString(orderId), List.of(caller), null, billing);
		cart.put("readOnly", true);
		cart.put("_orderId", orderId);
		save(cart);
		return order;
	}

	/** A paid order starts its owner changes. */
	private void deliver(ObjectNode billing, String paidWith, Instant now) {
		billing.put("_paid", true);
		billing.put("_paidWith", paidWith);
		ArrayNode taskIds = billing.putArray("_tasks");
		long orderId = billing.path("orderId").asLong();
		for (JsonNode line : billing.path("_lines")) {
			ObjectNode domain = this.domains.get(Json.text(line, "domain"));
			ObjectNode task = this.tasks.createTrade(domain, line.path("newOwner").asLong(), orderId, now,
					Json.text(billing, "_account"));
			taskIds.add(task.path("id").asLong());
		}
	}

	/**
	 * The registered means an unpaid order accepts: the account's card (default or not),
	 * or for a free order the fidelity account, which charges nothing.
	 */
	ArrayNode availableMeans(String caller, long orderId) {
		ObjectNode order = order(caller, orderId);
		ArrayNode means = Json.array();
		if (!"notPaid".equals(status(order))) {
			return means;
		}
		if (order.path("priceWithTax").path("value").asDouble() == 0) {
			means.addObject().put("paymentMean", FREE_ORDER_MEAN);
		}
		else if (this.settings.payment(caller) != SandboxAccounts.Payment.NONE) {
			means.addObject().put("paymentMean", "creditCard");
		}
		return means;
	}

	@Transactional
	void pay(String caller, long orderId, JsonNode body) {
		String mean = Json.text(body, "paymentMean");
		if (mean == null) {
			throw OvhError.badRequest("Missing parameter(s): paymentMean");
		}
		ObjectNode order = order(caller, orderId);
		if (!"notPaid".equals(status(order))) {
			throw OvhError.badRequest("Order " + orderId + " cannot be paid: it is " + status(order));
		}
		boolean offered = false;
		for (JsonNode available : availableMeans(caller, orderId)) {
			offered |= mean.equals(Json.text(available, "paymentMean"));
		}
		if (!offered) {
			throw OvhError.badRequest("Payment mean " + mean + " is not available for order " + orderId);
		}
		// The schema's rule: creditCard, bankAccount and paypal need the mean's id.
		if ("creditCard".equals(mean)
				&& body.path("paymentMeanId").asLong(-1) != this.settings.paymentMethodId(caller)) {
			throw OvhError.badRequest("paymentMeanId is required for creditCard and must be one of your cards");
		}
		ObjectNode locked = this.store.findForUpdate(ObjectStore.ORDER, Long.toString(orderId)).orElseThrow();
		if (Json.bool(locked, "_paid")) {
			throw OvhError.badRequest("Order " + orderId + " is already paid");
		}
		deliver(locked, mean, this.clock.now());
		this.store.updateDoc(ObjectStore.ORDER, Long.toString(orderId), locked);
	}

	List<ObjectNode> details(String caller, long orderId) {
		List<ObjectNode> details = new ArrayList<>();
		order(caller, orderId).path("_details").forEach((detail) -> details.add((ObjectNode) detail));
		return details;
	}

	private static long newOwner(JsonNode item) {
		for (JsonNode configuration : item.path("_configurations")) {
			if ("OWNER_CONTACT".equals(Json.text(configuration, "label"))) {
				String value = Json.text(configuration, "value");
				return Long.parseLong(value.substring(value.lastIndexOf('/') + 1));
			}
		}
		return -1;
	}

	private ObjectNode priced(String caller, ObjectNode cart, Long orderId) {
		if (cart.has("_orderId")) {
			throw OvhError
				.badRequest("This cart has already been checked out (order " + Json.text(cart, "_orderId") + ")");
		}
		if (cart.path("_items").isEmpty()) {
			throw OvhError.badRequest("Your cart is empty");
		}
		long totalCents = 0;
		ArrayNode details = Json.array();
		for (JsonNode item : cart.path("_items")) {
			String name = Json.text(item, "_domain");
			long owner = newOwner(item);
			if (owner < 0) {
				throw OvhError
					.badRequest("Item " + Json.text(item, "itemId") + " needs the configuration OWNER_CONTACT");
			}
			ObjectNode domain = this.domains.visible(caller, name);
			ObjectNode contact = this.contacts.visible(caller, owner);
			if (Long.toString(owner).equals(Json.text(domain, "whoisOwner"))) {
				throw OvhError.badRequest("Contact " + owner + " is already the owner of " + name);
			}
			if (!Domains.CHANGEABLE.contains(Json.text(domain, "state"))) {
				throw OvhError.badRequest(
						"The owner of " + name + " cannot change while the domain is " + Json.text(domain, "state"));
			}
			if (this.tasks.tradePending(name)) {
				throw OvhError.of(HttpStatus.CONFLICT, "Client::Conflict",
						"An owner change is already in progress for " + name);
			}
			Map<String, String> violations = OwnerRules.check("trade", Domains.tld(name), contact, null);
			if (!violations.isEmpty()) {
				throw this.contacts.rulesError(violations);
			}
			long cents = tradePrice(name);
			totalCents += cents;
			ObjectNode detail = details.addObject();
			detail.put("cartItemID", item.path("itemId").asLong());
			detail.put("description", "Owner change of " + name);
			detail.put("detailType", "INSTALLATION");
			detail.put("domain", name);
			detail.set("originalTotalPrice", price(cents));
			detail.put("quantity", 1);
			detail.set("reductionTotalPrice", price(0));
			detail.putArray("reductions");
			detail.set("totalPrice", price(cents));
			detail.set("unitPrice", price(cents));
		}
		long taxCents = Math.round(totalCents * 0.2);
		ObjectNode order = Json.object();
		order.putArray("contracts")
			.addObject()
			.put("name", "Conditions particulières des noms de domaine")
			.put("url", "https://www.ovh.com/fr/support/contracts/domain.pdf")
			.put("content", "Sandbox contract: no real order is ever placed.");
		order.set("details", details);
		if (orderId != null) {
			order.put("orderId", orderId);
			order.put("url", "https://www.ovh.com/cgi-bin/order/display-order.cgi?orderId=" + orderId);
		}
		else {
			order.putNull("orderId");
			order.putNull("url");
		}
		ObjectNode prices = order.putObject("prices");
		prices.set("originalWithoutTax", price(totalCents));
		prices.set("reduction", price(0));
		prices.set("tax", price(taxCents));
		prices.set("withTax", price(totalCents + taxCents));
		prices.set("withoutTax", price(totalCents));
		return order;
	}

	ObjectNode order(String caller, long orderId) {
		return this.store.findRow(ObjectStore.ORDER, Long.toString(orderId))
			.filter((row) -> row.parties().contains(caller))
			.map(ObjectStore.Row::doc)
			.filter((order) -> !Json.bool(order, "_gone"))
			.orElseThrow(() -> OvhError.objectNotFound(orderId));
	}

	/**
	 * Derived from the payment and the trade tasks the order created; OVHcloud cancels an
	 * order left unpaid past its expiration date.
	 */
	String status(ObjectNode order) {
		if (Json.bool(order, "_cancelled")) {
			return "cancelled";
		}
		if (!Json.bool(order, "_paid")) {
			boolean expired = Json.instant(Json.text(order, "expirationDate")).isBefore(this.clock.now());
			return expired ? "cancelled" : "notPaid";
		}
		boolean anyOpen = false;
		boolean allCancelled = order.path("_tasks").size() > 0;
		for (JsonNode id : order.path("_tasks")) {
			ObjectNode task = this.store.find(ObjectStore.DOMAIN_TASK, id.asString()).orElse(null);
			String status = (task != null) ? Json.text(task, "status") : "done";
			anyOpen |= DomainTasks.OPEN.contains(status);
			allCancelled &= "cancelled".equals(status);
		}
		return allCancelled ? "cancelled" : anyOpen ? "delivering" : "delivered";
	}

	/** The caller's orders, placed within {@code [from, to]} when given. */
	List<String> orderIds(String caller, Instant from, Instant to) {
		if (from == null && to == null) {
			return this.store.idsFor(ObjectStore.ORDER, caller);
		}
		return this.store.docsFor(ObjectStore.ORDER, caller)
			.stream()
			.filter((order) -> !Json.bool(order, "_gone"))
			.filter((order) -> {
				Instant date = Json.instant(Json.text(order, "date"));
				return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
			})
			.map((order) -> Json.text(order, "orderId"))
			.toList();
	}

}
