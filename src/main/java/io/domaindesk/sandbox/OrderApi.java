package io.domaindesk.sandbox;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order API as far as an owner change needs it: cart, trade option, configuration,
 * checkout, and the resulting order under {@code /me/order}.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class OrderApi {

	private final Carts carts;

	private final ObjectStore store;

	private final IcebergLists lists;

	OrderApi(Carts carts, ObjectStore store, IcebergLists lists) {
		this.carts = carts;
		this.store = store;
		this.lists = lists;
	}

	@GetMapping("/order/cartServiceOption/domain/{serviceName}")
	JsonNode options(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName) {
		return this.carts.options(caller.nic(), serviceName);
	}

	@PostMapping("/order/cartServiceOption/domain/{serviceName}")
	JsonNode addOption(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName,
			@RequestBody JsonNode body) {
		return this.carts.addTrade(caller.nic(), serviceName, body);
	}

	@NoAuthentication
	@PostMapping("/order/cart")
	JsonNode create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody JsonNode body) {
		return Json.publicView(this.carts.create(caller.nichandle(), body));
	}

	@NoAuthentication
	@GetMapping("/order/cart/{cartId}")
	JsonNode get(@PathVariable String cartId) {
		return Json.publicView(this.carts.get(cartId));
	}

	@PostMapping("/order/cart/{cartId}/assign")
	JsonNode assign(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String cartId) {
		this.carts.assign(caller.nic(), cartId);
		return Json.NODES.nullNode();
	}

	@NoAuthentication
	@GetMapping("/order/cart/{cartId}/item")
	JsonNode items(@PathVariable String cartId) {
		return this.carts.get(cartId).get("items");
	}

	@NoAuthentication
	@GetMapping("/order/cart/{cartId}/item/{itemId}")
	JsonNode item(@PathVariable String cartId, @PathVariable long itemId) {
		return Json.publicView(this.carts.item(cartId, itemId));
	}

	@NoAuthentication
	@GetMapping("/order/cart/{cartId}/item/{itemId}/requiredConfiguration")
	JsonNode requiredConfiguration(@PathVariable String cartId, @PathVariable long itemId) {
		return this.carts.requiredConfiguration(cartId, itemId);
	}

	@NoAuthentication
	@GetMapping("/order/cart/{cartId}/item/{itemId}/configuration")
	JsonNode configurations(@PathVariable String cartId, @PathVariable long itemId,
			@RequestParam(required = false) String label) {
		ArrayNode ids = Json.array();
		this.carts.configurations(cartId, itemId, label).forEach((c) -> ids.add(c.path("id").asLong()));
		return ids;
	}

	@NoAuthentication
	@PostMapping("/order/cart/{cartId}/item/{itemId}/configuration")
	JsonNode configure(@PathVariable String cartId, @PathVariable long itemId, @RequestBody JsonNode body) {
		return this.carts.configure(cartId, itemId, body);
	}

	@NoAuthentication
	@GetMapping("/order/cart/{cartId}/item/{itemId}/configuration/{configurationId}")
	JsonNode configuration(@PathVariable String cartId, @PathVariable long itemId, @PathVariable long configurationId) {
		return this.carts.configurations(cartId, itemId, null)
			.stream()
			.filter((c) -> c.path("id").asLong() == configurationId)
			.findFirst()
			.orElseThrow(() -> OvhError.objectNotFound(configurationId));
	}

	@GetMapping("/order/cart/{cartId}/checkout")
	JsonNode simulate(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String cartId) {
		return this.carts.simulate(caller.nic(), cartId);
	}

	@PostMapping("/order/cart/{cartId}/checkout")
	JsonNode checkout(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String cartId,
			@RequestBody JsonNode body) {
		return this.carts.checkout(caller.nic(), cartId, body);
	}

	@GetMapping("/me/order")
	ResponseEntity<JsonNode> orders(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(name = "date.from", required = false) String from,
			@RequestParam(name = "date.to", required = false) String to, HttpServletRequest request) {
		List<String> ids = this.carts.orderIds(caller.nic(), datetime("date.from", from), datetime("date.to", to));
		return this.lists.respond(request, ids, true,
				(page) -> this.store.findAll(ObjectStore.ORDER, page).stream().map(Json::publicView).toList(),
				"orderId");
	}

	@GetMapping("/me/order/{orderId}")
	JsonNode order(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long orderId) {
		return Json.publicView(this.carts.order(caller.nic(), orderId));
	}

	private static java.time.Instant datetime(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Json.instant(value.trim());
		}
		catch (RuntimeException ex) {
			throw OvhError.badRequest("[" + name + "] Given data (" + value + ") is not a valid datetime");
		}
	}

	@GetMapping("/me/order/{orderId}/status")
	JsonNode status(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long orderId) {
		ObjectNode order = this.carts.order(caller.nic(), orderId);
		return Json.NODES.stringNode(this.carts.status(order));
	}

}
