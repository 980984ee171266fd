package io.domaindesk.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.domaindesk.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emulator over real HTTP: authentication, state machines, Iceberg, faults.
 */
@IntegrationTest
class SandboxApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SandboxControl control;

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

	SandboxFixtures fixtures;

	SandboxClient exemple;

	SandboxClient nord;

	@BeforeEach
	void clients() {
		this.fixtures = new SandboxFixtures(this.store, this.seeder, this.tasks, this.credentials, this.control,
				this.clock);
		this.exemple = SandboxClient.exemple(this.port);
		this.nord = SandboxClient.nord(this.port);
	}

	@AfterEach
	void reset() {
		this.control.reset();
	}

	// ---- authentication -------------------------------------------------------------

	@Test
	void signedCallsWorkAndCarryAQueryId() {
		SandboxClient.Response me = this.exemple.get("/me");
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().get("nichandle").asString()).isEqualTo("ae1000-ovh");
		assertThat(me.header("X-Ovh-QueryID")).startsWith("SANDBOX.ws-1.");
	}

	@Test
	void clockIsOffsetFromTheHost() {
		long offset = this.exemple.anonymous("GET", "/auth/time", null, Map.of()).json().asLong()
				- System.currentTimeMillis() / 1000;
		assertThat(offset).isBetween(430L, 445L);
	}

	@Test
	void badSignatureIsRejected() {
		String ts = Long.toString(this.exemple.serverTime());
		SandboxClient.Response response = this.exemple.send("GET", this.exemple.base() + "/me", null,
				Map.of("X-Ovh-Application", "dd-demo-ak-exemple", "X-Ovh-Consumer",
						"dd-demo-ck-exemple-0123456789abcdef", "X-Ovh-Timestamp", ts, "X-Ovh-Signature",
						"$1$0000000000000000000000000000000000000000"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(
				"{\"errorCode\":\"INVALID_SIGNATURE\",\"httpCode\":\"400 Bad Request\",\"message\":\"Invalid signature\"}");
		assertThat(response.header("X-Ovh-QueryID")).isNotBlank();
	}

	@Test
	void signatureCoversTheExactBodyBytes() {
		String ts = Long.toString(this.exemple.serverTime());
		String url = this.exemple.base() + "/me";
		String signed = "{\"city\":\"Paris\"}";
		SandboxClient.Response response = this.exemple.send("PUT", url, "{\"city\": \"Paris\"}",
				Map.of("X-Ovh-Application", "dd-demo-ak-exemple", "X-Ovh-Consumer",
						"dd-demo-ck-exemple-0123456789abcdef", "X-Ovh-Timestamp", ts, "X-Ovh-Signature",
						TestSigner.sign("dd-demo-as-exemple-0123456789abcdef", "dd-demo-ck-exemple-0123456789abcdef",
								"PUT", url, signed, ts)));
		assertThat(response.json().get("errorCode").asString()).isEqualTo("INVALID_SIGNATURE");
	}

	@Test
	void unknownApplicationKeyIsRejected() {
		SandboxClient stranger = new SandboxClient(this.port, "nope", "secret", "dd-demo-ck-exemple-0123456789abcdef")
			.sync();
		SandboxClient.Response response = stranger.get("/me");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("errorCode").asString()).isEqualTo("INVALID_KEY");
		assertThat(response.json().get("httpCode").asString()).isEqualTo("403 Forbidden");
	}

	@Test
	void unknownConsumerKeyIsRejected() {
		SandboxClient stranger = new SandboxClient(this.port, "dd-demo-ak-exemple",
				"dd-demo-as-exemple-0123456789abcdef", "unknown-ck")
			.sync();
		SandboxClient.Response response = stranger.get("/me");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("errorCode").asString()).isEqualTo("NOT_CREDENTIAL");
	}

	@Test
	void staleTimestampIsRejected() {
		String ts = Long.toString(this.exemple.serverTime() - 301);
		String url = this.exemple.base() + "/me";
		SandboxClient.Response response = this.exemple.send("GET", url, null,
				Map.of("X-Ovh-Application", "dd-demo-ak-exemple", "X-Ovh-Consumer",
						"dd-demo-ck-exemple-0123456789abcdef", "X-Ovh-Timestamp", ts, "X-Ovh-Signature",
						TestSigner.sign("dd-demo-as-exemple-0123456789abcdef", "dd-demo-ck-exemple-0123456789abcdef",
								"GET", url, null, ts)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errorCode").asString()).isEqualTo("QUERY_TIME_OUT");
	}

	@Test
	void hostClockWithoutTimeSyncFails() {
		String ts = Long.toString(System.currentTimeMillis() / 1000);
		String url = this.exemple.base() + "/me";
		SandboxClient.Response response = this.exemple.send("GET", url, null,
				Map.of("X-Ovh-Application", "dd-demo-ak-exemple", "X-Ovh-Consumer",
						"dd-demo-ck-exemple-0123456789abcdef", "X-Ovh-Timestamp", ts, "X-Ovh-Signature",
						TestSigner.sign("dd-demo-as-exemple-0123456789abcdef", "dd-demo-ck-exemple-0123456789abcdef",
								"GET", url, null, ts)));
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void unsignedCallToAnAuthenticatedRouteIsRejected() {
		SandboxClient.Response response = this.exemple.anonymous("GET", "/me", null,
				Map.of("X-Ovh-Application", "dd-demo-ak-exemple"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("errorCode").asString()).isEqualTo("NOT_CREDENTIAL");
	}

	@Test
	void pendingCredentialIsNotValidUntilValidated() {
		SandboxClient.Response request = this.exemple.anonymous("POST", "/auth/credential",
				"{\"accessRules\":[{\"method\":\"GET\",\"path\":\"/me\"}],\"redirection\":\"https://example.com\"}",
				Map.of("X-Ovh-Application", "dd-demo-ak-exemple"));
		assertThat(request.status()).as(request.toString()).isEqualTo(200);
		assertThat(request.json().get("state").asString()).isEqualTo("pendingValidation");
		String ck = request.json().get("consumerKey").asString();
		SandboxClient fresh = new SandboxClient(this.port, "dd-demo-ak-exemple", "dd-demo-as-exemple-0123456789abcdef",
				ck)
			.sync();
		SandboxClient.Response refused = fresh.get("/me");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("errorCode").asString()).isEqualTo("INVALID_CREDENTIAL");
		this.fixtures.validateCredential(ck, "ae1000-ovh");
		assertThat(fresh.get("/me").status()).isEqualTo(200);
		SandboxClient.Response notGranted = fresh.get("/domain");
		assertThat(notGranted.status()).isEqualTo(403);
		assertThat(notGranted.json().get("errorCode").asString()).isEqualTo("NOT_GRANTED_CALL");
	}

	// ---- contact changes ------------------------------------------------------------

	@Test
	void contactChangeAcceptedByBothIsDoneAndUpdatesTheDomain() {
		String domain = this.fixtures.domain("ae1000-ovh");
		SandboxClient.Response change = this.exemple.post("/domain/" + domain + "/changeContact",
				"{\"contactAdmin\":\"sn2000-ovh\",\"contactTech\":\"sn2000-ovh\"}");
		assertThat(change.status()).as(change.toString()).isEqualTo(200);
		assertThat(change.json()).hasSize(1);
		long id = change.json().get(0).asLong();
		JsonNode task = this.exemple.get("/me/task/contactChange/" + id).json();
		assertThat(task.get("contactTypes").toString()).contains("contactAdmin", "contactTech");
		assertThat(task.get("state").asString()).isEqualTo("todo");
		SandboxMail toMail = mail(id, "to");
		SandboxMail fromMail = mail(id, "from");
		assertThat(this.nord.post("/me/task/contactChange/" + id + "/accept", token(toMail)).status()).isEqualTo(200);
		assertThat(this.exemple.get("/me/task/contactChange/" + id).json().get("state").asString())
			.isEqualTo("validatingByCustomers");
		assertThat(this.exemple.post("/me/task/contactChange/" + id + "/accept", token(fromMail)).status())
			.isEqualTo(200);
		JsonNode done = this.nord.get("/me/task/contactChange/" + id).json();
		assertThat(done.get("state").asString()).isEqualTo("done");
		assertThat(done.get("dateDone").isNull()).isFalse();
		JsonNode updated = this.nord.get("/domain/" + domain).json();
		assertThat(updated.get("contactAdmin").get("id").asString()).isEqualTo("sn2000-ovh");
		assertThat(updated.get("contactTech").get("id").asString()).isEqualTo("sn2000-ovh");
		// Billing stayed with the agency, so both accounts now see the domain.
		assertThat(this.nord.get("/domain").json().toString()).contains("\"" + domain + "\"");
	}

	@Test
	void tokensAreSingleUseAndRefusalEndsTheTask() {
		String domain = this.fixtures.domain("ae1000-ovh");
		long id = this.exemple.post("/domain/" + domain + "/changeContact", "{\"contactBilling\":\"sn2000-ovh\"}")
			.json()
			.get(0)
			.asLong();
		String fromToken = token(mail(id, "from"));
		assertThat(this.exemple.post("/me/task/contactChange/" + id + "/accept", fromToken).status()).isEqualTo(200);
		SandboxClient.Response reused = this.exemple.post("/me/task/contactChange/" + id + "/accept", fromToken);
		assertThat(reused.status()).isEqualTo(403);
		assertThat(reused.json().get("class").asString()).isEqualTo("Client::Forbidden");
		assertThat(this.exemple.post("/me/task/contactChange/" + id + "/accept", "{\"token\":\"forged\"}").status())
			.isEqualTo(403);
		assertThat(this.nord.post("/me/task/contactChange/" + id + "/refuse", token(mail(id, "to"))).status())
			.isEqualTo(200);
		assertThat(this.exemple.get("/me/task/contactChange/" + id).json().get("state").asString())
			.isEqualTo("refused");
		assertThat(this.exemple.get("/domain/" + domain).json().get("contactBilling").get("id").asString())
			.isEqualTo("ae1000-ovh");
	}

	@Test
	void changeContactRefusesWhatOvhcloudRefuses() {
		String domain = this.fixtures.domain("ae1000-ovh");
		SandboxClient.Response same = this.exemple.post("/domain/" + domain + "/changeContact",
				"{\"contactAdmin\":\"ae1000-ovh\"}");
		// A contact already in place needs no procedure: an empty list, no task.
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.body()).isEqualTo("[]");
		SandboxClient.Response unknown = this.exemple.post("/domain/" + domain + "/changeContact",
				"{\"contactAdmin\":\"zz99999-ovh\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(
				this.exemple.post("/domain/" + domain + "/changeContact", "{\"contactTech\":\"sn2000-ovh\"}").status())
			.isEqualTo(200);
		SandboxClient.Response pending = this.exemple.post("/domain/" + domain + "/changeContact",
				"{\"contactTech\":\"sn2000-ovh\"}");
		assertThat(pending.status()).isEqualTo(409);
		SandboxClient.Response missing = this.exemple.get("/domain/no-such-domain.com");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body())
			.isEqualTo("{\"class\":\"Client::NotFound\",\"message\":\"This service does not exist\"}");
		// A lapsed service is "resource expired", HTTP 460.
		String expired = this.fixtures.domain("ae1000-ovh", "expired");
		SandboxClient.Response lapsed = this.exemple.post("/domain/" + expired + "/changeContact",
				"{\"contactTech\":\"sn2000-ovh\"}");
		assertThat(lapsed.status()).isEqualTo(460);
		assertThat(lapsed.body()).contains("This service is expired");
	}

	@Test
	void contactChangeExpiresAfterSevenDays() {
		String domain = this.fixtures.domain("ae1000-ovh");
		long id = this.exemple.post("/domain/" + domain + "/changeContact", "{\"contactTech\":\"sn2000-ovh\"}")
			.json()
			.get(0)
			.asLong();
		this.control.advanceClock(Duration.ofDays(6));
		this.exemple.sync();
		assertThat(this.exemple.get("/me/task/contactChange/" + id).json().get("state").asString())
			.isEqualTo("validatingByCustomers");
		this.control.advanceClock(Duration.ofDays(1).plusMinutes(1));
		this.exemple.sync();
		assertThat(this.exemple.get("/me/task/contactChange/" + id).json().get("state").asString())
			.isEqualTo("expired");
		assertThat(this.exemple.get("/me/task/contactChange?state=expired").json().toString())
			.contains(Long.toString(id));
		// Answering an expired request is HTTP 460, OVHcloud's "resource expired".
		assertThat(this.nord.sync().post("/me/task/contactChange/" + id + "/accept", token(mail(id, "to"))).status())
			.isEqualTo(460);
	}

	// ---- owner contact and trade ----------------------------------------------------

	@Test
	void readOnlyOwnerFieldsNeedATrade() {
		String domain = this.fixtures.domain("ae1000-ovh");
		String owner = this.exemple.get("/domain/" + domain).json().get("whoisOwner").asString();
		SandboxClient.Response phone = this.exemple.put("/domain/contact/" + owner, "{\"phone\":\"+33.611111111\"}");
		assertThat(phone.status()).as(phone.toString()).isEqualTo(200);
		assertThat(phone.json().get("phone").asString()).isEqualTo("+33.611111111");
		SandboxClient.Response rename = this.exemple.put("/domain/contact/" + owner,
				"{\"firstName\":\"Zoé\",\"lastName\":\"Nouveau\",\"email\":\"new@example.org\"}");
		assertThat(rename.status()).isEqualTo(400);
		JsonNode body = rename.json();
		assertThat(body.get("class").asString()).isEqualTo("Client::BadRequest::DOMDOCRuleNotRespected");
		assertThat(body.get("message").asString()).isEqualTo("3 constraints of rules are not respected");
		assertThat(body.get("details").has("owner.firstName")).isTrue();
		assertThat(body.get("details").has("owner.lastName")).isTrue();
		assertThat(body.get("details").has("owner.email")).isTrue();
	}

	@Test
	void tradeOrderCheckoutOnceThenBothOwnersConfirm() {
		String domain = this.fixtures.domain("ae1000-ovh");
		String tld = domain.substring(domain.lastIndexOf('.') + 1);
		JsonNode contact = this.exemple.post("/domain/contact", """
				{"legalForm":"corporation","organisationName":"Nouvelle Société","firstName":"Léa","lastName":"Roux",
				 "email":"lea@example.org","phone":"+33.612345678","language":"fr_FR",
				 "address":{"line1":"2 rue Neuve","city":"Lyon","zip":"69001","country":"FR"}}""").json();
		long contactId = contact.get("id").asLong();
		JsonNode option = this.exemple.get("/order/cartServiceOption/domain/" + domain).json().get(0);
		assertThat(option.get("family").asString()).isEqualTo("trade");
		assertThat(option.get("planCode").asString()).isEqualTo(tld + "-trade");
		String cartId = this.exemple
			.post("/order/cart", "{\"ovhSubsidiary\":\"FR\",\"description\":\"trade " + domain + "\"}")
			.json()
			.get("cartId")
			.asString();
		assertThat(this.exemple.post("/order/cart/" + cartId + "/assign", null).status()).isEqualTo(200);
		JsonNode item = this.exemple
			.post("/order/cartServiceOption/domain/" + domain,
					"{\"cartId\":\"" + cartId + "\",\"duration\":\"P0Y\",\"planCode\":\"" + tld
							+ "-trade\",\"pricingMode\":\"create-default\",\"quantity\":1}")
			.json();
		long itemId = item.get("itemId").asLong();
		assertThat(this.exemple.get("/order/cart/" + cartId + "/item/" + itemId + "/requiredConfiguration")
			.json()
			.toString()).contains("OWNER_CONTACT");
		assertThat(this.exemple
			.post("/order/cart/" + cartId + "/item/" + itemId + "/configuration",
					"{\"label\":\"OWNER_CONTACT\",\"value\":\"/me/contact/" + contactId + "\"}")
			.status()).isEqualTo(200);
		assertThat(this.exemple.get("/order/cart/" + cartId + "/checkout").json().get("orderId").isNull()).isTrue();
		SandboxClient.Response incomplete = this.exemple.post("/order/cart/" + cartId + "/checkout",
				"{\"autoPayWithPreferredPaymentMethod\":true}");
		assertThat(incomplete.status()).isEqualTo(400);
		SandboxClient.Response order = this.exemple.post("/order/cart/" + cartId + "/checkout",
				"{\"autoPayWithPreferredPaymentMethod\":true,\"waiveRetractationPeriod\":true}");
		assertThat(order.status()).as(order.toString()).isEqualTo(200);
		long orderId = order.json().get("orderId").asLong();
		assertThat(this.exemple
			.post("/order/cart/" + cartId + "/checkout",
					"{\"autoPayWithPreferredPaymentMethod\":true,\"waiveRetractationPeriod\":true}")
			.status()).isEqualTo(400);
		assertThat(this.exemple.get("/me/order/" + orderId + "/status").body()).isEqualTo("\"delivering\"");
		JsonNode tasks = this.exemple.get("/domain/" + domain + "/task?function=DomainTrade").json();
		assertThat(tasks).hasSize(1);
		long taskId = tasks.get(0).asLong();
		List<SandboxMail> mails = this.control.mailsForTask(taskId);
		assertThat(mails).extracting(SandboxMail::party).containsExactly("oldOwner", "newOwner");
		this.control.answerTrade(taskId, mails.get(0).token(), true);
		assertThat(this.exemple.get("/domain/" + domain + "/task/" + taskId).json().get("status").asString())
			.isEqualTo("doing");
		this.control.answerTrade(taskId, mails.get(1).token(), true);
		assertThat(this.exemple.get("/domain/" + domain + "/task/" + taskId).json().get("status").asString())
			.isEqualTo("done");
		assertThat(this.exemple.get("/domain/" + domain).json().get("whoisOwner").asString())
			.isEqualTo(Long.toString(contactId));
		assertThat(this.exemple.get("/me/order/" + orderId + "/status").body()).isEqualTo("\"delivered\"");
	}

	@Test
	void checkoutChecksTheNewOwnersEligibility() {
		String domain = this.fixtures.domain("ae1000-ovh");
		long contactId = this.exemple.post("/domain/contact", "{\"legalForm\":\"individual\",\"firstName\":\"A\"}")
			.json()
			.get("id")
			.asLong();
		String cartId = this.fixtures.tradeCart(this.exemple, domain, contactId);
		SandboxClient.Response dryRun = this.exemple.get("/order/cart/" + cartId + "/checkout");
		assertThat(dryRun.status()).isEqualTo(400);
		assertThat(dryRun.json().get("class").asString()).isEqualTo("Client::BadRequest::DOMDOCRuleNotRespected");
		assertThat(dryRun.json().get("details").has("owner.lastName")).isTrue();
	}

	@Test
	void domainTaskActionsFollowTheirFlags() {
		String domain = this.fixtures.domain("ae1000-ovh");
		long task = this.fixtures.task(domain, "DomainDnsUpdate", "todo");
		long failed = this.fixtures.task(domain, "DomainContactUpdate", "error");
		assertThat(this.exemple.post("/domain/" + domain + "/task/" + failed + "/accelerate", null).status())
			.isEqualTo(400);
		assertThat(this.exemple.post("/domain/" + domain + "/task/" + failed + "/relaunch", null).status())
			.isEqualTo(200);
		assertThat(this.exemple.get("/me/task/domain/" + failed).json().get("status").asString()).isEqualTo("todo");
		assertThat(this.exemple.post("/domain/" + domain + "/task/" + task + "/cancel", null).status()).isEqualTo(200);
		JsonNode cancelled = this.exemple.get("/domain/" + domain + "/task/" + task).json();
		assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.get("canCancel").asBoolean()).isFalse();
		assertThat(this.exemple.post("/domain/" + domain + "/task/" + task + "/cancel", null).status()).isEqualTo(400);
	}

	// ---- lists, faults --------------------------------------------------------------

	@Test
	void icebergReturnsObjectsPageByPageAndCanBeSwitchedOff() {
		JsonNode ids = this.exemple.get("/domain").json();
		assertThat(ids.get(0).isString()).isTrue();
		SandboxClient.Response page = this.exemple.get("/domain", Map.of("X-Pagination-Mode", "CachedObjectList-Pages",
				"X-Pagination-Size", "10", "X-Pagination-Number", "2"));
		assertThat(page.json()).hasSize(10);
		assertThat(page.json().get(0).get("domain").asString()).isEqualTo(ids.get(10).asString());
		assertThat(page.header("X-Pagination-Elements")).isEqualTo(Integer.toString(ids.size()));
		SandboxClient.Response filtered = this.exemple.get("/domain", Map.of("X-Pagination-Mode",
				"CachedObjectList-Pages", "X-Pagination-Size", "5000", "X-Pagination-Filter", "state:eq=ok"));
		filtered.json().forEach((domain) -> assertThat(domain.get("state").asString()).isEqualTo("ok"));
		this.control.setIcebergEnabled(false);
		SandboxClient.Response off = this.exemple.get("/domain",
				Map.of("X-Pagination-Mode", "CachedObjectList-Pages", "X-Pagination-Size", "10"));
		assertThat(off.json()).hasSize(ids.size());
		assertThat(off.header("X-Pagination-Elements")).isNull();
	}

	@Test
	void faultsProduceWhatTheyClaim() {
		this.control.addFault("GET /me", SandboxProperties.FaultKind.SERVICE_UNAVAILABLE, 100, 0);
		SandboxClient.Response unavailable = this.exemple.get("/me");
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.json().get("message").asString()).isEqualTo("Service is temporarily unavailable");
		this.control.clearFaults();
		this.control.addFault("/me", SandboxProperties.FaultKind.SERVER_ERROR_HTML, 100, 0);
		SandboxClient.Response html = this.exemple.get("/me");
		assertThat(html.status()).isEqualTo(500);
		assertThat(html.header("Content-Type")).startsWith("text/html");
		this.control.clearFaults();
		this.control.addFault("/me", SandboxProperties.FaultKind.TOO_MANY_REQUESTS, 100, 0);
		assertThat(this.exemple.get("/me").status()).isEqualTo(429);
		this.control.clearFaults();
		this.control.addLatency("/me", 300);
		long started = System.nanoTime();
		assertThat(this.exemple.get("/me").status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		this.control.clearFaults();
		this.control.addFault("/me", SandboxProperties.FaultKind.CONNECTION_RESET, 100, 0);
		assertThatThrownBy(() -> this.exemple.get("/me")).isInstanceOf(java.io.UncheckedIOException.class);
		this.control.clearFaults();
		this.control.addFault("/me", SandboxProperties.FaultKind.READ_TIMEOUT, 100, 0);
		this.fixtures.readTimeout(Duration.ofSeconds(2));
		assertThatThrownBy(() -> this.exemple.withTimeout(Duration.ofMillis(500)).get("/me"))
			.isInstanceOf(java.io.UncheckedIOException.class)
			.hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
	}

	@Test
	void rateLimitPerConsumerKey() {
		this.control.setRateLimitPerMinute(3);
		for (int i = 0; i < 3; i++) {
			assertThat(this.exemple.get("/me").status()).isEqualTo(200);
		}
		SandboxClient.Response limited = this.exemple.get("/me");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(this.nord.get("/me").status()).isEqualTo(200);
	}

	@Test
	void seededDataHasTheAwkwardCases() {
		JsonNode domains = this.exemple
			.get("/domain", Map.of("X-Pagination-Mode", "CachedObjectList-Pages", "X-Pagination-Size", "5000"))
			.json();
		assertThat(domains.toString()).contains("xn--caf-dma.fr");
		assertThat(domains.valueStream().map((d) -> d.get("state").asString()).distinct().count()).isGreaterThan(2);
		JsonNode contacts = this.exemple.get("/domain/contact").json();
		assertThat(contacts.toString()).contains("D'Arcy-Lef\u00e8vre").contains("M\u00fcller & Fils");
		assertThat(this.exemple.get("/me/task/contactChange?askingAccount=ae1000-ovh").json().size()).isGreaterThan(0);
		assertThat(this.exemple.get("/me/task/domain?function=DomainTrade").json().size()).isGreaterThan(0);
	}

	private SandboxMail mail(long taskId, String party) {
		return this.control.mailsForTask(taskId)
			.stream()
			.filter((mail) -> party.equals(mail.party()))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private static String token(SandboxMail mail) {
		return "{\"token\":\"" + mail.token() + "\"}";
	}

}
