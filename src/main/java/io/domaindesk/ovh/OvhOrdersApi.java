package io.domaindesk.ovh;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;

/**
 * The order flow used for owner changes (trade): service options, cart, configuration,
 * checkout, then the order's follow-up.
 */
public final class OvhOrdersApi {

	private final OvhTransport transport;

	OvhOrdersApi(OvhTransport transport) {
		this.transport = transport;
	}

	/**
	 * {@code GET /order/cartServiceOption/domain/{serviceName}} (look for family
	 * {@code trade}).
	 */
	public List<GenericOptionDefinition> domainServiceOptions(String serviceName) {
		return this.transport.call(
				OvhTransport.Call.get(OvhPath.of("/order/cartServiceOption/domain/{serviceName}", serviceName)),
				this.transport.mapper().constructType(new TypeReference<List<GenericOptionDefinition>>() {
				}));
	}

	/** {@code POST /order/cartServiceOption/domain/{serviceName}}. */
	public CartItem addDomainServiceOption(String serviceName, DomainServiceOptionCreation option) {
		return this.transport.call(OvhDomainsApi.write("POST",
				OvhPath.of("/order/cartServiceOption/domain/{serviceName}", serviceName), option), CartItem.class);
	}

	/** {@code POST /order/cart}. */
	public Cart createCart(CartCreation creation) {
		return this.transport.call(write("POST", OvhPath.of("/order/cart"), creation), Cart.class);
	}

	/** {@code GET /order/cart/{cartId}}. */
	public Cart cart(String cartId) {
		return this.transport.call(read(OvhPath.of("/order/cart/{cartId}", cartId)), Cart.class);
	}

	/** {@code POST /order/cart/{cartId}/assign}: ties the cart to the account. */
	public void assignCart(String cartId) {
		this.transport.exchange(OvhDomainsApi.write("POST", OvhPath.of("/order/cart/{cartId}/assign", cartId), null));
	}

	/** {@code GET /order/cart/{cartId}/item/{itemId}/requiredConfiguration}. */
	public List<ConfigurationRequirement> requiredConfiguration(String cartId, long itemId) {
		return this.transport.call(
				read(OvhPath.of("/order/cart/{cartId}/item/{itemId}/requiredConfiguration", cartId, itemId)),
				this.transport.mapper().constructType(new TypeReference<List<ConfigurationRequirement>>() {
				}));
	}

	/**
	 * {@code GET /order/cart/{cartId}/item/{itemId}/configuration}: configuration ids.
	 */
	public List<Long> configurationIds(String cartId, long itemId) {
		return this.transport.call(read(OvhPath.of("/order/cart/{cartId}/item/{itemId}/configuration", cartId, itemId)),
				this.transport.mapper().constructType(new TypeReference<List<Long>>() {
				}));
	}

	/** {@code GET /order/cart/{cartId}/item/{itemId}/configuration/{configurationId}}. */
	public ConfigurationItem configuration(String cartId, long itemId, long configurationId) {
		return this.transport.call(read(OvhPath.of("/order/cart/{cartId}/item/{itemId}/configuration/{configurationId}",
				cartId, itemId, configurationId)), ConfigurationItem.class);
	}

	/**
	 * {@code POST /order/cart/{cartId}/item/{itemId}/configuration}, e.g. label
	 * {@code OWNER_CONTACT}, value {@code /me/contact/123}.
	 */
	public ConfigurationItem addConfiguration(String cartId, long itemId, String label, String value) {
		return this.transport
			.call(write("POST", OvhPath.of("/order/cart/{cartId}/item/{itemId}/configuration", cartId, itemId),
					new ConfigurationItemCreation(label, value)), ConfigurationItem.class);
	}

	/**
	 * {@code GET /order/cart/{cartId}/checkout}: the order as it would be, nothing
	 * bought.
	 */
	public Order checkoutPreview(String cartId) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/order/cart/{cartId}/checkout", cartId)),
				Order.class);
	}

	/** {@code POST /order/cart/{cartId}/checkout}: places the order. */
	public Order checkout(String cartId, Checkout checkout) {
		return this.transport.call(
				OvhDomainsApi.write("POST", OvhPath.of("/order/cart/{cartId}/checkout", cartId), checkout),
				Order.class);
	}

	/** {@code GET /me/order/{orderId}}. */
	public BillingOrder order(long orderId) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/me/order/{orderId}", orderId)),
				BillingOrder.class);
	}

	/** {@code GET /me/order/{orderId}/status}. */
	public OrderStatus orderStatus(long orderId) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/me/order/{orderId}/status", orderId)),
				OrderStatus.class);
	}

	// Cart routes are public in the schema; signed when we can, like the official
	// wrappers.
	private static OvhTransport.Call read(OvhPath path) {
		return new OvhTransport.Call("GET", path, null, OvhTransport.Auth.OPTIONAL, Map.of());
	}

	private static OvhTransport.Call write(String method, OvhPath path, Object body) {
		return new OvhTransport.Call(method, path, body, OvhTransport.Auth.OPTIONAL, Map.of());
	}

}
