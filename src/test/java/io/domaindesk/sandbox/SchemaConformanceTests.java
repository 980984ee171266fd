package io.domaindesk.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.domaindesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every sandbox route over real HTTP and checks each answer against the model the
 * official schema declares for that operation. Fails when a route is not exercised, when
 * a route is not in the schema, or when its authentication differs from the schema's.
 */
@IntegrationTest
class SchemaConformanceTests {

	/** Object types of list endpoints in Iceberg mode ({@code x-expanded-response}). */
	static final Map<String, String> EXPANDED = Map.of("GET /domain", "domain.DomainServiceWithIAM",
			"GET /domain/{serviceName}/task", "domain.Task", "GET /me/task/domain", "domain.Task",
			"GET /me/task/contactChange", "nichandle.contactChange.Task", "GET /me/contact", "me.contact.Contact",
			"GET /me/order", "billing.Order");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	ObjectStore store;

	@Autowired
	Seeder seeder;

	@Autowired
	DomainTasks tasks;

	@Autowired
	Credentials credentials;

	@Autowired
	SandboxClock clock;

	@Autowired
	SandboxControl control;

	@Autowired
	SandboxAccounts accounts;

	private final SchemaValidator schema = new SchemaValidator();

	private final Map<String, List<String>> failures = new LinkedHashMap<>();

	private final Set<String> covered = new TreeSet<>();

	private SandboxClient client;

	@Test
	void everyRouteAnswersWhatTheSchemaDeclares() {
		Map<String, Boolean> routes = routes();
		routes.forEach((route, noAuth) -> {
			JsonNode operation = this.schema.operation(route).orElse(null);
			assertThat(operation).as("route %s is not in the OVHcloud schema", route).isNotNull();
			assertThat(operation.path("noAuthentication").asBoolean(false)).as("noAuthentication of %s", route)
				.isEqualTo(noAuth);
		});
		walk();
		assertThat(this.failures).as("schema violations").isEmpty();
		assertThat(this.covered).as("routes exercised").containsExactlyInAnyOrderElementsOf(routes.keySet());
	}

	/**
	 * The API routes as Spring MVC knows them, with whether they need no authentication.
	 */
	private Map<String, Boolean> routes() {
		Map<String, Boolean> routes = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPatternValues()) {
				// The published schema itself (/me.json) is a document, not an operation.
				if (!pattern.startsWith(SandboxFilter.PREFIX) || pattern.endsWith("/**") || pattern.endsWith(".json")) {
					continue;
				}
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					routes.put(method.name() + " " + pattern.substring(SandboxFilter.PREFIX.length()),
							entry.getValue().hasMethodAnnotation(NoAuthentication.class));
				}
			}
		}
		return routes;
	}

	private void walk() {
		SandboxFixtures fixtures = new SandboxFixtures(this.store, this.seeder, this.tasks, this.credentials,
				this.control, this.clock);
		this.client = SandboxClient.exemple(this.port);
		SandboxClient nord = SandboxClient.nord(this.port);
		Map<String, String> ak = Map.of("X-Ovh-Application", "dd-demo-ak-exemple");

		anonymous("GET /auth/time", "/auth/time", null, ak);
		anonymous("POST /auth/credential", "/auth/credential",
				"{\"accessRules\":[{\"method\":\"GET\",\"path\":\"/*\"}]}", ak);
		call("GET /auth/currentCredential", "GET", "/auth/currentCredential", null);
		call("GET /me", "GET", "/me", null);
		call("PUT /me", "PUT", "/me", "{\"city\":\"Paris\"}");
		anonymous("GET /newAccount/creationRules",
				"/newAccount/creationRules?country=FR&legalform=individual&ovhCompany=ovh&ovhSubsidiary=FR", null, ak);
		String nic = anonymous("POST /newAccount", "/newAccount", """
				{"country":"FR","email":"new@example.org","legalform":"individual","ovhCompany":"ovh",
				 "ovhSubsidiary":"FR","firstname":"Noé","name":"Nouveau","address":"1 rue","city":"Paris",
				 "zip":"75002","language":"fr_FR","phone":"+33.612345678"}""", ak).get("ovhIdentifier").asString();

		String domain = fixtures.domain("ae1000-ovh");
		String owner = call("GET /domain/{serviceName}", "GET", "/domain/" + domain, null).get("whoisOwner").asString();
		call("GET /domain", "GET", "/domain?whoisOwner=" + owner, null);
		call("GET /domain/{serviceName}/serviceInfos", "GET", "/domain/" + domain + "/serviceInfos", null);
		long accepted = call("POST /domain/{serviceName}/changeContact", "POST", "/domain/" + domain + "/changeContact",
				"{\"contactTech\":\"" + nic + "\"}")
			.get(0)
			.asLong();
		long refused = call("POST /domain/{serviceName}/changeContact", "POST", "/domain/" + domain + "/changeContact",
				"{\"contactBilling\":\"sn2000-ovh\"}")
			.get(0)
			.asLong();
		call("GET /me/task/contactChange", "GET", "/me/task/contactChange?state=todo", null);
		call("GET /me/task/contactChange/{id}", "GET", "/me/task/contactChange/" + accepted, null);
		call("POST /me/task/contactChange/{id}/resendEmail", "POST",
				"/me/task/contactChange/" + accepted + "/resendEmail", null);
		call("POST /me/task/contactChange/{id}/accept", "POST", "/me/task/contactChange/" + accepted + "/accept",
				"{\"token\":\"" + token(accepted, "from") + "\"}");
		call("POST /me/task/contactChange/{id}/refuse", "POST", "/me/task/contactChange/" + refused + "/refuse",
				"{\"token\":\"" + token(refused, "from") + "\"}");

		long todo = fixtures.task(domain, "DomainDnsUpdate", "todo");
		long toCancel = fixtures.task(domain, "DomainDnsUpdate", "todo");
		long failed = fixtures.task(domain, "DomainContactUpdate", "error");
		call("GET /domain/{serviceName}/task", "GET", "/domain/" + domain + "/task?status=todo", null);
		call("GET /domain/{serviceName}/task/{id}", "GET", "/domain/" + domain + "/task/" + todo, null);
		call("POST /domain/{serviceName}/task/{id}/accelerate", "POST",
				"/domain/" + domain + "/task/" + todo + "/accelerate", null);
		call("POST /domain/{serviceName}/task/{id}/cancel", "POST",
				"/domain/" + domain + "/task/" + toCancel + "/cancel", null);
		call("POST /domain/{serviceName}/task/{id}/relaunch", "POST",
				"/domain/" + domain + "/task/" + failed + "/relaunch", null);
		long todo2 = fixtures.task(domain, "DomainDnsUpdate", "todo");
		long toCancel2 = fixtures.task(domain, "DomainDnsUpdate", "todo");
		long failed2 = fixtures.task(domain, "DomainContactUpdate", "error");
		call("GET /me/task/domain", "GET", "/me/task/domain?domain=" + domain, null);
		call("GET /me/task/domain/{id}", "GET", "/me/task/domain/" + todo2, null);
		call("POST /me/task/domain/{id}/accelerate", "POST", "/me/task/domain/" + todo2 + "/accelerate", null);
		call("POST /me/task/domain/{id}/cancel", "POST", "/me/task/domain/" + toCancel2 + "/cancel", null);
		call("POST /me/task/domain/{id}/relaunch", "POST", "/me/task/domain/" + failed2 + "/relaunch", null);

		call("GET /domain/contact", "GET", "/domain/contact", null);
		long contact = call("POST /domain/contact", "POST", "/domain/contact", """
				{"legalForm":"corporation","organisationName":"Groupe Müller & Fils","firstName":"Hélène",
				 "lastName":"D'Arcy-Lefèvre","email":"helene@example.org","phone":"+33.612345678","language":"fr_FR",
				 "address":{"line1":"3 place d'Armes","city":"Lille","zip":"59000","country":"FR"}}""").get("id")
			.asLong();
		call("GET /domain/contact/{contactId}", "GET", "/domain/contact/" + contact, null);
		call("PUT /domain/contact/{contactId}", "PUT", "/domain/contact/" + owner, "{\"phone\":\"+33.600000000\"}");
		call("GET /me/contact", "GET", "/me/contact", null);
		call("GET /me/contact/{contactId}", "GET", "/me/contact/" + owner, null);
		for (String action : List.of("create", "trade", "transfer", "update")) {
			anonymous("GET /domain/configurationRule",
					"/domain/configurationRule?action=" + action + "&domain=" + domain, null, Map.of());
			anonymous("GET /domain/configurationRule", "/domain/configurationRule?action=" + action + "&domain=x.fr",
					null, Map.of());
		}
		call("POST /domain/configurationRule/check", "POST",
				"/domain/configurationRule/check?action=update&domain=" + domain, "{}");

		call("GET /order/cartServiceOption/domain/{serviceName}", "GET", "/order/cartServiceOption/domain/" + domain,
				null);
		String cart = anonymous("POST /order/cart", "/order/cart",
				"{\"ovhSubsidiary\":\"FR\",\"description\":\"conformance\"}", Map.of())
			.get("cartId")
			.asString();
		anonymous("GET /order/cart/{cartId}", "/order/cart/" + cart, null, Map.of());
		call("POST /order/cart/{cartId}/assign", "POST", "/order/cart/" + cart + "/assign", null);
		long item = call("POST /order/cartServiceOption/domain/{serviceName}", "POST",
				"/order/cartServiceOption/domain/" + domain,
				"{\"cartId\":\"" + cart
						+ "\",\"duration\":\"P0Y\",\"planCode\":\"com-trade\",\"pricingMode\":\"create-default\",\"quantity\":1}")
			.get("itemId")
			.asLong();
		String itemPath = "/order/cart/" + cart + "/item/" + item;
		anonymous("GET /order/cart/{cartId}/item", "/order/cart/" + cart + "/item", null, Map.of());
		anonymous("GET /order/cart/{cartId}/item/{itemId}", itemPath, null, Map.of());
		anonymous("GET /order/cart/{cartId}/item/{itemId}/requiredConfiguration", itemPath + "/requiredConfiguration",
				null, Map.of());
		long configuration = anonymous("POST /order/cart/{cartId}/item/{itemId}/configuration",
				itemPath + "/configuration", "{\"label\":\"OWNER_CONTACT\",\"value\":\"/me/contact/" + contact + "\"}",
				Map.of())
			.get("id")
			.asLong();
		anonymous("GET /order/cart/{cartId}/item/{itemId}/configuration",
				itemPath + "/configuration?label=OWNER_CONTACT", null, Map.of());
		anonymous("GET /order/cart/{cartId}/item/{itemId}/configuration/{configurationId}",
				itemPath + "/configuration/" + configuration, null, Map.of());
		call("GET /order/cart/{cartId}/checkout", "GET", "/order/cart/" + cart + "/checkout", null);
		// An account whose card is not the default one: the order waits, notPaid, and
		// its owner change then stops in error on an argument to correct.
		this.accounts.setPayment("ae1000-ovh", SandboxAccounts.Payment.REGISTERED);
		this.accounts.setTradeTaskError("ae1000-ovh", true);
		long order;
		try {
			long method = call("GET /me/payment/method", "GET", "/me/payment/method?status=VALID", null).get(0)
				.asLong();
			call("GET /me/payment/method/{paymentMethodId}", "GET", "/me/payment/method/" + method, null);
			// The same card through the older routes.
			long card = call("GET /me/paymentMean/creditCard", "GET", "/me/paymentMean/creditCard", null).get(0)
				.asLong();
			call("GET /me/paymentMean/creditCard/{id}", "GET", "/me/paymentMean/creditCard/" + card, null);
			// Without any means even a free order waits, for the free-order mean.
			this.accounts.setPayment("ae1000-ovh", SandboxAccounts.Payment.NONE);
			order = call("POST /order/cart/{cartId}/checkout", "POST", "/order/cart/" + cart + "/checkout",
					"{\"autoPayWithPreferredPaymentMethod\":true,\"waiveRetractationPeriod\":true}")
				.get("orderId")
				.asLong();
			call("GET /me/order", "GET", "/me/order?date.from=2020-01-01T00:00:00Z", null);
			call("GET /me/order/{orderId}", "GET", "/me/order/" + order, null);
			call("GET /me/order/{orderId}/status", "GET", "/me/order/" + order + "/status", null);
			long detail = call("GET /me/order/{orderId}/details", "GET", "/me/order/" + order + "/details", null).get(0)
				.asLong();
			call("GET /me/order/{orderId}/details/{orderDetailId}", "GET", "/me/order/" + order + "/details/" + detail,
					null);
			call("GET /me/order/{orderId}/availableRegisteredPaymentMean", "GET",
					"/me/order/" + order + "/availableRegisteredPaymentMean", null);
			call("POST /me/order/{orderId}/payWithRegisteredPaymentMean", "POST",
					"/me/order/" + order + "/payWithRegisteredPaymentMean", "{\"paymentMean\":\"fidelityAccount\"}");
			long trade = call("GET /me/task/domain", "GET", "/me/task/domain?function=DomainTrade&status=error", null)
				.get(0)
				.asLong();
			call("GET /me/task/domain/{id}/argument", "GET", "/me/task/domain/" + trade + "/argument", null);
			call("GET /me/task/domain/{id}/argument/{key}", "GET", "/me/task/domain/" + trade + "/argument/reason",
					null);
			call("PUT /me/task/domain/{id}/argument/{key}", "PUT", "/me/task/domain/" + trade + "/argument/reason",
					"{\"value\":\"The holder sold the company\"}");
		}
		finally {
			this.accounts.reset("ae1000-ovh");
		}

		// The same lists in Iceberg mode, against their expanded object types.
		EXPANDED.forEach((route, type) -> {
			String path = route.substring(4).replace("{serviceName}", domain);
			SandboxClient.Response response = this.client.get(path,
					Map.of("X-Pagination-Mode", "CachedObjectList-Pages", "X-Pagination-Size", "50"));
			record(route + " (Iceberg)", type + "[]", response);
		});
		assertThat(nord.get("/me").status()).isEqualTo(200);
	}

	private String token(long taskId, String party) {
		return this.control.mailsForTask(taskId)
			.stream()
			.filter((mail) -> party.equals(mail.party()) && mail.token() != null)
			.reduce((a, b) -> b)
			.orElseThrow()
			.token();
	}

	private JsonNode call(String route, String method, String path, String body) {
		SandboxClient.Response response = this.client.call(method, path, body, Map.of());
		return check(route, response);
	}

	private JsonNode anonymous(String route, String path, String body, Map<String, String> headers) {
		SandboxClient.Response response = this.client.anonymous(route.substring(0, route.indexOf(' ')), path, body,
				headers);
		return check(route, response);
	}

	private JsonNode check(String route, SandboxClient.Response response) {
		this.covered.add(route);
		String type = this.schema.operation(route).map((op) -> op.get("responseType").asString()).orElse("?");
		return record(route, type, response);
	}

	private JsonNode record(String label, String type, SandboxClient.Response response) {
		if (response.status() != 200) {
			this.failures.computeIfAbsent(label, (k) -> new ArrayList<>()).add(response.toString());
			return SandboxClient.MAPPER.nullNode();
		}
		JsonNode json = response.json();
		List<String> errors = this.schema.validate(type, json);
		if (!errors.isEmpty()) {
			this.failures.computeIfAbsent(label, (k) -> new ArrayList<>()).addAll(errors);
		}
		return json;
	}

}
