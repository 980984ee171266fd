package io.domaindesk.sandbox;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paying: the account's payment methods ({@code /me/payment/method}, or the older
 * {@code /me/paymentMean/*} routes), an order's lines, the registered means an unpaid
 * order accepts and paying with one. Also the public {@code /me.json} schema, trimmed to
 * the routes the sandbox serves, which clients read to know whether
 * {@code /me/payment/method} exists on an endpoint.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class PaymentApi {

	private final Carts carts;

	private final AccountSettings settings;

	private final Credentials credentials;

	PaymentApi(Carts carts, AccountSettings settings, Credentials credentials) {
		this.carts = carts;
		this.settings = settings;
		this.credentials = credentials;
	}

	/**
	 * The schema is public, so the account is known only by the application key a client
	 * sends with it: an account set to the older routes is shown a schema without
	 * {@code /me/payment/method}, as an endpoint that lacks it would.
	 */
	@NoAuthentication
	@GetMapping("/me.json")
	JsonNode schema(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		boolean olderOnly = (caller.applicationKey() != null) && this.credentials.application(caller.applicationKey())
			.map((account) -> this.settings.paymentMeanRoutesOnly(account.nichandle()))
			.orElse(false);
		ObjectNode schema = Json.object();
		schema.put("apiVersion", "1.0");
		schema.put("resourcePath", "/me");
		ArrayNode apis = schema.putArray("apis");
		for (String path : List.of("/me", "/me/contact", "/me/order", "/me/order/{orderId}",
				"/me/order/{orderId}/availableRegisteredPaymentMean", "/me/order/{orderId}/details",
				"/me/order/{orderId}/payWithRegisteredPaymentMean", "/me/order/{orderId}/status", "/me/payment/method",
				"/me/payment/method/{paymentMethodId}", "/me/task/contactChange", "/me/task/domain",
				"/me/task/domain/{id}/argument", "/me/task/domain/{id}/argument/{key}")) {
			if (!(olderOnly && path.startsWith("/me/payment/method"))) {
				apis.addObject().put("path", path);
			}
		}
		// Of the older, deprecated routes only the cards' are served: the sandbox's
		// accounts have no bank account, PayPal or deferred account.
		apis.addObject().put("path", "/me/paymentMean/creditCard");
		apis.addObject().put("path", "/me/paymentMean/creditCard/{id}");
		return schema;
	}

	@GetMapping("/me/payment/method")
	JsonNode methods(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(name = "default", required = false) Boolean isDefault,
			@RequestParam(required = false) String paymentType, @RequestParam(required = false) String status) {
		requirePaymentMethodRoute(caller);
		ArrayNode ids = Json.array();
		ObjectNode method = method(caller.nic());
		if (method != null && (isDefault == null || isDefault == Json.bool(method, "default"))
				&& (paymentType == null || paymentType.equals(Json.text(method, "paymentType")))
				&& (status == null || status.equals(Json.text(method, "status")))) {
			ids.add(method.path("paymentMethodId").asLong());
		}
		return ids;
	}

	@GetMapping("/me/payment/method/{paymentMethodId}")
	JsonNode method(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long paymentMethodId) {
		requirePaymentMethodRoute(caller);
		ObjectNode method = method(caller.nic());
		if (method == null || method.path("paymentMethodId").asLong() != paymentMethodId) {
			throw OvhError.objectNotFound(paymentMethodId);
		}
		return method;
	}

	/** An endpoint without the route answers as for any unknown URL. */
	private void requirePaymentMethodRoute(Caller caller) {
		if (this.settings.paymentMeanRoutesOnly(caller.nic())) {
			throw OvhError.notFound("Got an invalid (or empty) URL");
		}
	}

	/** {@code GET /me/paymentMean/creditCard}: the account's one card, if any. */
	@GetMapping("/me/paymentMean/creditCard")
	JsonNode cards(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		ArrayNode ids = Json.array();
		ObjectNode method = method(caller.nic());
		if (method != null) {
			ids.add(method.path("paymentMeanId").asLong());
		}
		return ids;
	}

	/** {@code GET /me/paymentMean/creditCard/{id}}: {@code me.paymentMean.CreditCard}. */
	@GetMapping("/me/paymentMean/creditCard/{id}")
	JsonNode card(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id) {
		ObjectNode method = method(caller.nic());
		if (method == null || method.path("paymentMeanId").asLong() != id) {
			throw OvhError.objectNotFound(id);
		}
		ObjectNode card = Json.object();
		card.put("defaultPaymentMean", Json.bool(method, "default"));
		card.putNull("description");
		card.put("expirationDate", "2029-12-31");
		card.putObject("icon").putNull("data").put("name", "visa").put("url", "https://www.ovh.com/visa.png");
		card.put("id", id);
		card.put("number", Json.text(method, "label"));
		card.put("state", "valid");
		card.put("threeDsValidated", true);
		card.put("type", "VISA");
		return card;
	}

	/** The account's one card, default or not; none for an account without means. */
	private ObjectNode method(String nichandle) {
		SandboxAccounts.Payment payment = this.settings.payment(nichandle);
		if (payment == SandboxAccounts.Payment.NONE) {
			return null;
		}
		long id = this.settings.paymentMethodId(nichandle);
		ObjectNode method = Json.object();
		method.putNull("billingContactId");
		method.put("creationDate", "2024-01-15T10:00:00+01:00");
		method.put("default", payment == SandboxAccounts.Payment.DEFAULT);
		method.putNull("description");
		method.put("expirationDate", "2029-12-31T00:00:00+01:00");
		method.putNull("formSessionId");
		method.putObject("icon").putNull("data").put("name", "visa").put("url", "https://www.ovh.com/visa.png");
		method.put("integration", "NONE");
		method.put("label", "4970 10** **** " + String.format("%04d", id % 10000));
		method.put("lastUpdate", "2024-01-15T10:00:00+01:00");
		method.putNull("merchantId");
		method.put("oneclick", true);
		method.put("paymentMeanId", id);
		method.put("paymentMethodId", id);
		method.put("paymentSubType", "VISA");
		method.put("paymentType", "CREDIT_CARD");
		method.put("status", "VALID");
		return method;
	}

	@GetMapping("/me/order/{orderId}/details")
	JsonNode details(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long orderId) {
		ArrayNode ids = Json.array();
		this.carts.details(caller.nic(), orderId).forEach((detail) -> ids.add(detail.path("orderDetailId").asLong()));
		return ids;
	}

	@GetMapping("/me/order/{orderId}/details/{orderDetailId}")
	JsonNode detail(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long orderId,
			@PathVariable long orderDetailId) {
		return this.carts.details(caller.nic(), orderId)
			.stream()
			.filter((detail) -> detail.path("orderDetailId").asLong() == orderDetailId)
			.findFirst()
			.orElseThrow(() -> OvhError.objectNotFound(orderDetailId));
	}

	@GetMapping("/me/order/{orderId}/availableRegisteredPaymentMean")
	JsonNode availableMeans(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long orderId) {
		return this.carts.availableMeans(caller.nic(), orderId);
	}

	@PostMapping("/me/order/{orderId}/payWithRegisteredPaymentMean")
	JsonNode pay(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long orderId,
			@RequestBody JsonNode body) {
		this.carts.pay(caller.nic(), orderId, body);
		return Json.NODES.nullNode();
	}

}
