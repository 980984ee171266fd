package io.domaindesk.ovh;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * How an account pays: its default payment method, the orders it placed, and paying an
 * order left {@code notPaid} (no default method, or a method that failed).
 */
public final class OvhPaymentsApi {

	static final String PAYMENT_METHOD_ROUTE = "/me/payment/method";

	/**
	 * The routes the fallback reads, older than {@code /me/payment/method}, each with a
	 * {@code defaultPaymentMean} flag.
	 */
	static final List<String> LEGACY_MEANS = List.of("creditCard", "bankAccount", "paypal", "deferredPaymentAccount");

	private final OvhTransport transport;

	/**
	 * Whether the connection's endpoint publishes {@code /me/payment/method} in its
	 * schema: read once per client, that is per connection (the schema is public and
	 * large), null until then.
	 */
	private volatile Boolean modern;

	OvhPaymentsApi(OvhTransport transport) {
		this.transport = transport;
	}

	/**
	 * The account's default payment method(s):
	 * {@code GET /me/payment/method?default=true} then each one; on an endpoint whose
	 * schema lacks that route, the older {@code /me/paymentMean/*} routes and their
	 * {@code defaultPaymentMean} flag. Empty: an order checked out with automatic payment
	 * stays {@code notPaid}.
	 */
	public List<PaymentMethod> defaultPaymentMethods() {
		if (!hasPaymentMethodRoute()) {
			return legacyMeans(true);
		}
		return paymentMethods(true, null);
	}

	/**
	 * The account's valid payment methods, default or not: {@code GET /me/payment/method}
	 * with {@code status=VALID}, or the older routes' means in state {@code valid} on an
	 * endpoint that lacks it.
	 */
	public List<PaymentMethod> validPaymentMethods() {
		if (!hasPaymentMethodRoute()) {
			return legacyMeans(false);
		}
		return paymentMethods(null, "VALID");
	}

	/**
	 * {@code GET /me/payment/method} filtered by OVHcloud ({@code default},
	 * {@code status}; null = any), then each one.
	 */
	public List<PaymentMethod> paymentMethods(Boolean isDefault, String status) {
		List<Long> ids = this.transport.call(
				OvhTransport.Call
					.get(OvhPath.of(PAYMENT_METHOD_ROUTE).query("default", isDefault).query("status", status)),
				this.transport.mapper().constructType(new TypeReference<List<Long>>() {
				}));
		List<PaymentMethod> methods = new ArrayList<>();
		for (Long id : (ids != null) ? ids : List.<Long>of()) {
			PaymentMethod method = this.transport.call(
					OvhTransport.Call.get(OvhPath.of(PAYMENT_METHOD_ROUTE + "/{paymentMethodId}", id)),
					PaymentMethod.class);
			if (method != null && (isDefault == null || isDefault.equals(method.isDefault()))) {
				methods.add(method);
			}
		}
		return methods;
	}

	boolean hasPaymentMethodRoute() {
		Boolean known = this.modern;
		if (known == null) {
			known = readSchema();
			this.modern = known;
		}
		return known;
	}

	private boolean readSchema() {
		try {
			JsonNode schema = this.transport.call(
					new OvhTransport.Call("GET", OvhPath.of("/me.json"), null, OvhTransport.Auth.NONE, Map.of()),
					JsonNode.class);
			for (JsonNode api : schema.path("apis")) {
				if (PAYMENT_METHOD_ROUTE.equals(api.path("path").asString())) {
					return true;
				}
			}
			return !schema.path("apis").isArray();
		}
		catch (OvhException ex) {
			// No readable schema says nothing: the current route is the one to use.
			return true;
		}
	}

	/** The older routes' means in state {@code valid}; only the default ones if asked. */
	private List<PaymentMethod> legacyMeans(boolean onlyDefault) {
		List<PaymentMethod> methods = new ArrayList<>();
		for (String mean : LEGACY_MEANS) {
			List<Long> ids;
			try {
				ids = this.transport.call(OvhTransport.Call.get(OvhPath.of("/me/paymentMean/" + mean)),
						this.transport.mapper().constructType(new TypeReference<List<Long>>() {
						}));
			}
			catch (OvhException.NotFound ex) {
				continue;
			}
			for (Long id : (ids != null) ? ids : List.<Long>of()) {
				LegacyMean found = this.transport
					.call(OvhTransport.Call.get(OvhPath.of("/me/paymentMean/" + mean + "/{id}", id)), LegacyMean.class);
				boolean isDefault = found != null && Boolean.TRUE.equals(found.defaultPaymentMean());
				if (found != null && (isDefault || !onlyDefault) && (onlyDefault || "valid".equals(found.state()))) {
					methods.add(new PaymentMethod(id, isDefault, found.description(), found.label(), mean, null,
							found.state(), null, id, true));
				}
			}
		}
		return methods;
	}

	/**
	 * The fields the older payment-mean models share, or nearly: a card's {@code number},
	 * an account's {@code iban}, a PayPal {@code email}, a deferred account's
	 * {@code label}.
	 */
	private record LegacyMean(Long id, Boolean defaultPaymentMean, String description, String state, String number,
			String iban, String email, String label) {

		@Override
		public String label() {
			return (this.number != null) ? this.number
					: (this.iban != null) ? this.iban : (this.email != null) ? this.email : this.label;
		}

	}

	/**
	 * {@code GET /me/order?date.from=&date.to=}: the ids of the orders placed in that
	 * window (how an unanswered checkout is found again).
	 */
	public List<Long> orderIds(OffsetDateTime from, OffsetDateTime to) {
		OvhPath path = OvhPath.of("/me/order")
			.query("date.from", (from != null) ? from.truncatedTo(ChronoUnit.SECONDS) : null)
			.query("date.to", (to != null) ? to.truncatedTo(ChronoUnit.SECONDS) : null);
		return this.transport.call(OvhTransport.Call.get(path),
				this.transport.mapper().constructType(new TypeReference<List<Long>>() {
				}));
	}

	/** {@code GET /me/order/{orderId}/details} then each line. */
	public List<BillingOrderDetail> orderDetails(long orderId) {
		List<Long> ids = this.transport.call(OvhTransport.Call.get(OvhPath.of("/me/order/{orderId}/details", orderId)),
				this.transport.mapper().constructType(new TypeReference<List<Long>>() {
				}));
		List<BillingOrderDetail> details = new ArrayList<>();
		for (Long id : (ids != null) ? ids : List.<Long>of()) {
			details.add(this.transport.call(
					OvhTransport.Call.get(OvhPath.of("/me/order/{orderId}/details/{orderDetailId}", orderId, id)),
					BillingOrderDetail.class));
		}
		return details;
	}

	/** {@code GET /me/order/{orderId}/availableRegisteredPaymentMean}. */
	public List<RegisteredPaymentMean> availableRegisteredPaymentMeans(long orderId) {
		return this.transport.call(
				OvhTransport.Call.get(OvhPath.of("/me/order/{orderId}/availableRegisteredPaymentMean", orderId)),
				this.transport.mapper().constructType(new TypeReference<List<RegisteredPaymentMean>>() {
				}));
	}

	/**
	 * {@code POST /me/order/{orderId}/payWithRegisteredPaymentMean}: charges the order.
	 * Never retried; an unanswered call is settled by reading the order's status.
	 * @param paymentMeanId needed by OVHcloud for {@code bankAccount}, {@code creditCard}
	 * and {@code paypal}; null otherwise
	 */
	public void payWithRegisteredPaymentMean(long orderId, String paymentMean, Long paymentMeanId) {
		this.transport.exchange(
				OvhDomainsApi.write("POST", OvhPath.of("/me/order/{orderId}/payWithRegisteredPaymentMean", orderId),
						new Payment(paymentMean, paymentMeanId)));
	}

	private record Payment(String paymentMean, Long paymentMeanId) {

	}

}
