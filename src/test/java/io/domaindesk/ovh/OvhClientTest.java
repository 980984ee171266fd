package io.domaindesk.ovh;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OvhClientTest {

	private static final String TASK = """
			{"id":%d,"function":"DomainTrade","status":"%s","comment":null,"domain":"example.com",
			 "creationDate":"2026-01-01T12:00:00+01:00","todoDate":"2026-01-01T13:00:00+01:00",
			 "lastUpdate":"2026-01-01T12:40:00+01:00","doneDate":null,"canAccelerate":false,
			 "canCancel":true,"canRelaunch":false,"type":"domain","brandNewField":{"x":1}}""";

	private FakeOvhServer server;

	private OvhProperties properties;

	@BeforeEach
	void start() throws IOException {
		this.server = new FakeOvhServer();
		this.properties = OvhProperties.defaults()
			.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700))
			.withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50))
			.withRateLimit(1000, Duration.ofSeconds(5));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private OvhClient client() {
		return new OvhClient(this.server.connection(), this.properties, new OvhClock(), null);
	}

	@Test
	void signsWithServerTimeWhenServerClockIsMinutesOff() {
		this.server.clockOffsetSeconds = -600;
		this.server.on("GET", "/domain/example.com",
				"{\"domain\":\"example.com\",\"state\":\"ok\",\"contactAdmin\":{\"id\":\"ab12345-ovh\"},\"whoisOwner\":\"123\"}");
		DomainService domain = client().domains().get("example.com");
		assertThat(domain.domain()).isEqualTo("example.com");
		assertThat(domain.state()).isEqualTo(DomainState.OK);
		assertThat(domain.contactAdmin().id()).isEqualTo("ab12345-ovh");
		FakeOvhServer.Recorded call = this.server.requests("GET", "/domain/example.com").get(0);
		assertThat(call.header("X-Ovh-Application")).isEqualTo(FakeOvhServer.AK);
		assertThat(call.header("X-Ovh-Consumer")).isEqualTo(FakeOvhServer.CK);
		assertThat(call.header("Content-Type")).isNull();
		assertThat(call.body()).isEmpty();
		assertThat(this.server.requests("GET", "/auth/time")).hasSize(1);
		assertThat(this.server.requests("GET", "/auth/time").get(0).header("X-Ovh-Signature")).isNull();
	}

	@Test
	void resyncsClockAfterServerClockJumpsAndRetriesTheRead() {
		this.server.on("GET", "/me", "{\"nichandle\":\"ab12345-ovh\",\"legalform\":\"individual\"}");
		OvhClient client = client();
		assertThat(client.me().get().nichandle()).isEqualTo("ab12345-ovh");
		this.server.clockOffsetSeconds = 900;
		Nichandle me = client.me().get();
		assertThat(me.legalform()).isEqualTo(LegalForm.INDIVIDUAL);
		assertThat(this.server.requests("GET", "/auth/time")).hasSize(2);
		assertThat(this.server.requests("GET", "/me")).hasSize(3);
	}

	@Test
	void aWriteRefusedForTheClockIsSentExactlyOnceMoreAndSaysSo() {
		this.server.on("POST", "/domain/example.com/changeContact", "[7]")
			.on("GET", "/me", "{\"nichandle\":\"ab12345-ovh\"}");
		OvhClient client = client();
		client.me().get();
		this.server.clockOffsetSeconds = 900;
		List<OvhResend> resends = new ArrayList<>();
		List<Long> ids = OvhResend.watching(resends::add,
				() -> client.domains().changeContact("example.com", new ChangeContact("ab12345-ovh", null, null)));
		assertThat(ids).containsExactly(7L);
		assertThat(this.server.requests("POST", "/domain/example.com/changeContact")).hasSize(2);
		assertThat(resends).singleElement().satisfies((resend) -> {
			assertThat(resend.path()).isEqualTo("/domain/{serviceName}/changeContact");
			assertThat(resend.refusedWith()).isEqualTo("INVALID_SIGNATURE");
			assertThat(resend.refusedQueryId()).isEqualTo(FakeOvhServer.QUERY_ID);
		});
	}

	@Test
	void aWriteRefusedTwiceForTheClockIsNotSentAThirdTime() {
		this.server.on("POST", "/domain/example.com/changeContact", (r) -> FakeOvhServer.Reply.of(400,
				"{\"errorCode\":\"QUERY_TIME_OUT\",\"httpCode\":\"400 Bad Request\",\"message\":\"Query out of time\"}"));
		OvhClient client = client();
		assertThatThrownBy(
				() -> client.domains().changeContact("example.com", new ChangeContact("ab12345-ovh", null, null)))
			.isInstanceOfSatisfying(OvhException.BadRequest.class,
					(ex) -> assertThat(ex.errorClass()).isEqualTo("QUERY_TIME_OUT"));
		assertThat(this.server.requests("POST", "/domain/example.com/changeContact")).hasSize(2);
	}

	@Test
	void aWriteRefusedForOtherWordsAboutTimeIsNotSentAgain() {
		this.server.on("POST", "/domain/example.com/changeContact", (r) -> FakeOvhServer.Reply.of(400,
				"{\"class\":\"Client::BadRequest\",\"message\":\"Timestamp of the change is in the past\"}"));
		OvhClient client = client();
		assertThatThrownBy(
				() -> client.domains().changeContact("example.com", new ChangeContact("ab12345-ovh", null, null)))
			.isInstanceOf(OvhException.BadRequest.class);
		assertThat(this.server.requests("POST", "/domain/example.com/changeContact")).hasSize(1);
	}

	@Test
	void expiredIsItsOwnErrorInItsOwnWords() {
		this.server.on("POST", "/domain/example.com/changeContact", (r) -> FakeOvhServer.Reply.of(460,
				"{\"class\":\"Client::ResourceExpired\",\"message\":\"This service is expired\"}"));
		OvhClient client = client();
		assertThatThrownBy(
				() -> client.domains().changeContact("example.com", new ChangeContact("ab12345-ovh", null, null)))
			.isInstanceOfSatisfying(OvhException.Expired.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(460);
				assertThat(ex.isTransient()).isFalse();
				assertThat(ex.inWords()).startsWith("Expired at OVHcloud (HTTP 460)")
					.endsWith("This service is expired");
			});
		assertThat(this.server.requests("POST", "/domain/example.com/changeContact")).hasSize(1);
	}

	@Test
	void clockIsLearntOncePerEndpoint() {
		this.server.on("GET", "/me", "{\"nichandle\":\"ab12345-ovh\"}");
		OvhClock clock = new OvhClock();
		new OvhClient(this.server.connection(), this.properties, clock, null).me().get();
		new OvhClient(this.server.connection().withConsumerKey("other"), this.properties, clock, null);
		new OvhClient(this.server.connection(), this.properties, clock, null).me().get();
		assertThat(this.server.requests("GET", "/auth/time")).hasSize(1);
	}

	@Test
	void postSendsExactlyTheSignedJsonBytes() {
		this.server.on("POST", "/domain/ex%C3%A9mple.fr/changeContact", "[101,102]");
		this.server.on("PUT", "/domain/contact/123", (request) -> FakeOvhServer.Reply.json(request.body()));
		OvhClient client = client();
		List<Long> tasks = client.domains()
			.changeContact("exémple.fr", new ChangeContact("ab12345-ovh", null, "cd67890-ovh"));
		assertThat(tasks).containsExactly(101L, 102L);
		FakeOvhServer.Recorded post = this.server.requests.stream()
			.filter((r) -> r.method().equals("POST"))
			.findFirst()
			.orElseThrow();
		assertThat(post.body()).isEqualTo("{\"contactAdmin\":\"ab12345-ovh\",\"contactTech\":\"cd67890-ovh\"}");
		assertThat(post.header("Content-Type")).isEqualTo("application/json");
		DomainContact jerome = new DomainContact(123L, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, "Jérôme", null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null);
		DomainContact updated = client.contacts().updateDomainContact(123, jerome);
		assertThat(updated.firstName()).isEqualTo("Jérôme");
		assertThat(this.server.requests("PUT", "/domain/contact/123").get(0).body())
			.isEqualTo("{\"firstName\":\"Jérôme\"}");
	}

	@Test
	void queryStringIsSignedAsSent() {
		this.server.on("GET", "/domain", (request) -> FakeOvhServer.Reply.json("[\"a.com\",\"b.com\"]"));
		assertThat(client().domains().names("12 34&x=y")).containsExactly("a.com", "b.com");
		assertThat(this.server.requests("GET", "/domain").get(0).query()).isEqualTo("whoisOwner=12%2034%26x%3Dy");
	}

	@Test
	void errorShapesMapToTypes() {
		this.server
			.on("GET", "/domain/missing.com",
					(r) -> FakeOvhServer.Reply.of(404,
							"{\"class\":\"Client::NotFound\",\"message\":\"This service does not exist\"}"))
			.on("POST", "/domain/configurationRule/check", (r) -> FakeOvhServer.Reply
				.of(400, """
						{"class":"Client::BadRequest::DOMDOCRuleNotRespected","message":"2 constraints of rules are not respected",
						 "details":{"_date":"2021-10-16","_id":"mMzaS8iOJ","_message":"Input data does not respect the rule",
						 "owner.city":"Field \\"city\\" is required","owner.legal_form":"Field \\"legal_form\\" is required"}}"""))
			.on("GET", "/me", (r) -> FakeOvhServer.Reply.of(403,
					"{\"errorCode\":\"NOT_GRANTED_CALL\",\"httpCode\":\"403 Forbidden\",\"message\":\"This call has not been granted\"}"))
			.on("GET", "/auth/currentCredential", (r) -> FakeOvhServer.Reply.of(403,
					"{\"errorCode\":\"INVALID_CREDENTIAL\",\"httpCode\":\"403 Forbidden\",\"message\":\"This credential is not valid\"}"))
			.on("GET", "/me/order/1",
					(r) -> FakeOvhServer.Reply.of(403,
							"{\"class\":\"Client::Forbidden\",\"message\":\"User not granted for this request\"}"))
			.on("POST", "/order/cart", (r) -> FakeOvhServer.Reply.of(409,
					"{\"class\":\"CartAlreadyExists\",\"message\":\"the cart id \\\"foobar\\\" already exists\"}"))
			.on("POST", "/domain/example.com/task/1/cancel",
					(r) -> FakeOvhServer.Reply.of(429, "{\"message\":\"Too many requests\"}"))
			.on("POST", "/domain/example.com/task/2/cancel",
					(r) -> FakeOvhServer.Reply.of(500,
							"<html><body><h1>500 Internal Server Error</h1>\n<p>" + "x".repeat(1000)
									+ "</p></body></html>"))
			.on("POST", "/domain/example.com/task/3/cancel", (r) -> FakeOvhServer.Reply.of(502, ""));
		OvhClient client = client();

		assertThatThrownBy(() -> client.domains().get("missing.com"))
			.isInstanceOfSatisfying(OvhException.NotFound.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.errorClass()).isEqualTo("Client::NotFound");
				assertThat(ex.serverMessage()).isEqualTo("This service does not exist");
				assertThat(ex.queryId()).isEqualTo(FakeOvhServer.QUERY_ID);
				assertThat(ex.path()).isEqualTo("/domain/{serviceName}");
				assertThat(ex.getMessage()).contains("This service does not exist").contains(FakeOvhServer.QUERY_ID);
			});
		assertThatThrownBy(() -> client.contacts().checkConfigurationRule("update", "example.com", null))
			.isInstanceOfSatisfying(OvhException.RuleViolation.class, (ex) -> {
				assertThat(ex).isInstanceOf(OvhException.BadRequest.class);
				assertThat(ex.details()).containsEntry("_id", "mMzaS8iOJ");
				assertThat(ex.violations()).containsOnlyKeys("owner.city", "owner.legal_form")
					.containsEntry("owner.city", "Field \"city\" is required");
				assertThat(ex.queryId()).isEqualTo(FakeOvhServer.QUERY_ID);
			});
		assertThatThrownBy(() -> client.me().get()).isInstanceOfSatisfying(OvhException.CallNotGranted.class,
				(ex) -> assertThat(ex.errorClass()).isEqualTo("NOT_GRANTED_CALL"));
		assertThatThrownBy(() -> client.auth().currentCredential()).isInstanceOf(OvhException.InvalidCredential.class)
			.isInstanceOf(OvhException.Forbidden.class);
		assertThatThrownBy(() -> client.orders().order(1)).isExactlyInstanceOf(OvhException.Forbidden.class);
		assertThatThrownBy(() -> client.orders().createCart(new CartCreation("test", null, "FR")))
			.isInstanceOfSatisfying(OvhException.Conflict.class,
					(ex) -> assertThat(ex.errorClass()).isEqualTo("CartAlreadyExists"));
		assertThatThrownBy(() -> client.domains().cancelTask("example.com", 1))
			.isInstanceOf(OvhException.RateLimited.class);
		assertThatThrownBy(() -> client.domains().cancelTask("example.com", 2))
			.isInstanceOfSatisfying(OvhException.ServerError.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(500);
				// Only OVHcloud's JSON message is ever passed on, never a page's text.
				assertThat(ex.serverMessage()).isNull();
				assertThat(ex.inWords()).isEqualTo("OVHcloud had a server error (HTTP 500)");
				assertThat(ex.queryId()).isEqualTo(FakeOvhServer.QUERY_ID);
			});
		assertThatThrownBy(() -> client.domains().cancelTask("example.com", 3))
			.isInstanceOfSatisfying(OvhException.ServerError.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(502);
				assertThat(ex.serverMessage()).isEqualTo("empty response body");
			});
		assertThat(this.server.requests("POST", "/domain/example.com/task/2/cancel")).hasSize(1);
	}

	@Test
	void timedOutPostIsOutcomeUnknownAndSentOnce() {
		this.server.on("POST", "/me/task/contactChange/7/accept", (r) -> FakeOvhServer.Reply.json("").delayed(2000));
		OvhClient client = client();
		assertThatThrownBy(() -> client.contacts().acceptContactChange(7, "s3cr3t-token"))
			.isInstanceOfSatisfying(OvhException.OutcomeUnknown.class, (ex) -> {
				assertThat(ex.status()).isZero();
				assertThat(ex.method()).isEqualTo("POST");
				assertThat(ex.getMessage()).doesNotContain("s3cr3t-token");
			});
		List<FakeOvhServer.Recorded> calls = this.server.requests("POST", "/me/task/contactChange/7/accept");
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).body()).isEqualTo("{\"token\":\"s3cr3t-token\"}");
	}

	@Test
	void readIsRetriedAfterServerErrorWithAFreshSignature() {
		AtomicInteger calls = new AtomicInteger();
		this.server.on("GET", "/domain/example.com/task/5",
				(r) -> (calls.incrementAndGet() == 1)
						? FakeOvhServer.Reply.of(500,
								"{\"class\":\"Server::InternalServerError\",\"message\":\"Internal server error\"}")
						: FakeOvhServer.Reply.json(TASK.formatted(5, "todo")));
		DomainTask task = client().domains().task("example.com", 5);
		assertThat(task.status()).isEqualTo(TaskStatus.TODO);
		assertThat(this.server.requests("GET", "/domain/example.com/task/5")).hasSize(2);
	}

	@Test
	void readRetryBudgetExhaustedIsServerError() {
		this.server.on("GET", "/domain/example.com/task/5", (r) -> FakeOvhServer.Reply.of(503, "<html>busy</html>"));
		assertThatThrownBy(() -> client().domains().task("example.com", 5))
			.isInstanceOf(OvhException.ServerError.class);
		assertThat(this.server.requests("GET", "/domain/example.com/task/5")).hasSize(3);
	}

	@Test
	void readIsRetriedAfter429() {
		AtomicInteger calls = new AtomicInteger();
		this.server.on("GET", "/me/order/9/status", (r) -> (calls.incrementAndGet() == 1)
				? FakeOvhServer.Reply.of(429, "") : FakeOvhServer.Reply.json("\"delivered\""));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OvhClient client = new OvhClient(this.server.connection(), this.properties, new OvhClock(), registry);
		assertThat(client.orders().orderStatus(9)).isEqualTo(OrderStatus.DELIVERED);
		assertThat(registry.get(OvhMetrics.RATE_LIMITED).tag("path", "/me/order/{orderId}/status").counter().count())
			.isEqualTo(1);
		assertThat(registry.get(OvhMetrics.CALLS)
			.tag("path", "/me/order/{orderId}/status")
			.tag("status", "200")
			.tag("outcome", "SUCCESS")
			.counter()
			.count()).isEqualTo(1);
		assertThat(registry.get(OvhMetrics.DURATION).tag("method", "GET").timers()).isNotEmpty();
		// Whoever scrapes metrics learns neither the application key nor a custom host.
		for (var meter : registry.getMeters()) {
			assertThat(meter.getId().getTag("application")).startsWith("app-").doesNotContain(FakeOvhServer.AK);
			assertThat(meter.getId().getTag("host")).startsWith("custom-").doesNotContain("127.0.0.1");
		}
		assertThat(OvhMetrics.hostTag("eu.api.ovh.com")).isEqualTo("eu.api.ovh.com");
	}

	@Test
	void icebergModeReturnsObjectsWithTotal() {
		this.server.on("GET", "/domain/example.com/task", (r) -> {
			assertThat(r.header("X-Pagination-Mode")).isEqualTo("CachedObjectList-Pages");
			int number = Integer.parseInt(r.header("X-Pagination-Number"));
			int size = Integer.parseInt(r.header("X-Pagination-Size"));
			List<String> items = new ArrayList<>();
			for (int id = (number - 1) * size + 1; id <= Math.min(number * size, 5); id++) {
				items.add(TASK.formatted(id, "todo"));
			}
			return FakeOvhServer.Reply.json("[" + String.join(",", items) + "]")
				.withHeader("X-Pagination-Elements", "5");
		});
		List<OvhPage<DomainTask>> pages = new ArrayList<>();
		client().domains()
			.forEachTaskPage("example.com", OvhDomainsApi.TaskFilter.status(TaskStatus.TODO), 2, pages::add);
		assertThat(pages).hasSize(3);
		assertThat(pages).allSatisfy((page) -> {
			assertThat(page.total()).isEqualTo(5);
			assertThat(page.pageCount()).isEqualTo(3);
			assertThat(page.expanded()).isTrue();
			assertThat(page.requests()).isEqualTo(1);
		});
		assertThat(pages.get(2).items()).extracting(DomainTask::id).containsExactly(5L);
		assertThat(pages.get(2).isLast()).isTrue();
		assertThat(this.server.requests("GET", "/domain/example.com/task")).hasSize(3)
			.allSatisfy((r) -> assertThat(r.query()).isEqualTo("status=todo"));
		assertThat(this.server.requests("GET", "/domain/example.com/task").get(0).header("Pragma"))
			.isEqualTo("no-cache");
	}

	@Test
	void fallsBackToIdsAndOneGetPerItem() {
		this.server.on("GET", "/me/task/contactChange", "[11,12,13]");
		for (int id = 11; id <= 13; id++) {
			this.server.on("GET", "/me/task/contactChange/" + id, """
					{"id":%d,"askingAccount":"ab12345-ovh","fromAccount":"ab12345-ovh","toAccount":"cd67890-ovh",
					 "contactTypes":["contactAdmin"],"serviceDomain":"example.com","dateRequest":"2026-01-01T12:00:00Z",
					 "dateDone":null,"state":"%s"}""".formatted(id, (id == 13) ? "frozen" : "todo"));
		}
		List<OvhPage<ContactChangeTask>> pages = new ArrayList<>();
		client().contacts().forEachContactChangePage(null, 2, pages::add);
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0).expanded()).isFalse();
		assertThat(pages.get(0).total()).isEqualTo(3);
		assertThat(pages.get(0).requests()).isEqualTo(3);
		assertThat(pages.get(1).requests()).isEqualTo(1);
		assertThat(pages.stream().flatMap((p) -> p.items().stream()).map(ContactChangeTask::id)).containsExactly(11L,
				12L, 13L);
		ContactChangeTask frozen = pages.get(1).items().get(0);
		assertThat(frozen.state().value()).isEqualTo("frozen");
		assertThat(frozen.state().isKnown()).isFalse();
		assertThat(frozen.state().isPending()).isTrue();
		assertThat(this.server.requests("GET", "/me/task/contactChange")).hasSize(1);
		assertThat(this.server.requests.stream().filter((r) -> r.path().startsWith("/me/task/contactChange/")))
			.hasSize(3);
	}

	@Test
	void icebergIgnoringAFilterFallsBackToIds() {
		this.server.on("GET", "/domain",
				(r) -> (r.header("X-Pagination-Mode") != null) ? FakeOvhServer.Reply
					.json("[{\"domain\":\"a.com\",\"whoisOwner\":\"1\"},{\"domain\":\"b.com\",\"whoisOwner\":\"2\"}]")
					.withHeader("X-Pagination-Elements", "2") : FakeOvhServer.Reply.json("[\"a.com\"]"));
		this.server.on("GET", "/domain/a.com", "{\"domain\":\"a.com\",\"whoisOwner\":\"1\"}");
		OvhPage<DomainService> page = client().domains().page("1", 1, 50);
		assertThat(page.items()).extracting(DomainService::domain).containsExactly("a.com");
		assertThat(page.expanded()).isFalse();
		assertThat(page.requests()).isEqualTo(3);
	}

	@Test
	void unknownEnumValuesAreKeptAndUnknownFieldsIgnored() {
		this.server.on("GET", "/domain/example.com/task/8", TASK.formatted(8, "problem"));
		this.server.on("GET", "/domain/example.com/task/9", TASK.formatted(9, "frozen"));
		OvhClient client = client();
		DomainTask problem = client.domains().task("example.com", 8);
		assertThat(problem.status()).isEqualTo(TaskStatus.PROBLEM);
		assertThat(problem.status().needsAttention()).isTrue();
		DomainTask frozen = client.domains().task("example.com", 9);
		assertThat(frozen.status().value()).isEqualTo("frozen");
		assertThat(frozen.status().isKnown()).isFalse();
		assertThat(frozen.creationDate().getOffset().getTotalSeconds()).isEqualTo(3600);
		assertThat(OvhJson.mapper().writeValueAsString(frozen.status())).isEqualTo("\"frozen\"");
	}

	@Test
	void unauthenticatedCallsCarryOnlyTheApplicationKey() {
		this.server.on("POST", "/auth/credential",
				"{\"state\":\"pendingValidation\",\"consumerKey\":\"newCK\",\"validationUrl\":\"https://eu.api.ovh.com/auth/?credentialToken=x\"}");
		ApiCredentialRequest request = client().auth()
			.requestCredential(new ApiCredentialRequestParams(List.of(new AccessRule("GET", "/domain")), null,
					"https://back.example/callback"));
		assertThat(request.state()).isEqualTo(CredentialState.PENDING_VALIDATION);
		FakeOvhServer.Recorded call = this.server.requests("POST", "/auth/credential").get(0);
		assertThat(call.header("X-Ovh-Application")).isEqualTo(FakeOvhServer.AK);
		assertThat(call.header("X-Ovh-Consumer")).isNull();
		assertThat(call.header("X-Ovh-Signature")).isNull();
		assertThat(call.body()).isEqualTo(
				"{\"accessRules\":[{\"method\":\"GET\",\"path\":\"/domain\"}],\"redirection\":\"https://back.example/callback\"}");
	}

	@Test
	void secretsNeverShowInToStringOrErrors() {
		this.server.on("GET", "/me", (r) -> FakeOvhServer.Reply.of(400,
				"{\"class\":\"Client::BadRequest\",\"message\":\"bad consumer " + FakeOvhServer.CK + "\"}"));
		OvhConnection connection = this.server.connection();
		assertThat(connection.toString()).doesNotContain(FakeOvhServer.AS).doesNotContain(FakeOvhServer.CK);
		OvhConnection oauth = OvhConnection.ofOAuth2("ovh-eu", "client-id", "client-secret-value");
		assertThat(oauth.toString()).contains("client-id").doesNotContain("client-secret-value");
		assertThat(client().toString()).doesNotContain(FakeOvhServer.AS).doesNotContain(FakeOvhServer.CK);
		assertThatThrownBy(() -> client().me().get()).isInstanceOfSatisfying(OvhException.class, (ex) -> {
			assertThat(ex.getMessage()).doesNotContain(FakeOvhServer.CK).doesNotContain(FakeOvhServer.AS);
			assertThat(ex.serverMessage()).isEqualTo("bad consumer ***");
		});
	}

	@Test
	void oauth2TokenIsFetchedOnceAndSentAsBearer() {
		AtomicInteger tokens = new AtomicInteger();
		this.server.checkSignatures = false;
		this.server.on("POST", "/oauth2/token", (r) -> {
			tokens.incrementAndGet();
			assertThat(r.body()).contains("grant_type=client_credentials")
				.contains("client_id=my-client")
				.contains("scope=all");
			return FakeOvhServer.Reply
				.json("{\"access_token\":\"tok-123\",\"token_type\":\"Bearer\",\"expires_in\":3599,\"scope\":\"all\"}");
		});
		this.server.on("GET", "/me", "{\"nichandle\":\"ab12345-ovh\"}");
		OvhConnection connection = OvhConnection.ofOAuth2(this.server.baseUrl(), "my-client", "my-secret")
			.withTokenUrl(this.server.baseUrl() + "/oauth2/token")
			.withRequestsPerMinute(60_000);
		OvhClient client = new OvhClient(connection, this.properties, new OvhClock(), null);
		client.me().get();
		client.me().get();
		assertThat(tokens).hasValue(1);
		assertThat(this.server.requests("GET", "/me")).hasSize(2).allSatisfy((r) -> {
			assertThat(r.header("Authorization")).isEqualTo("Bearer tok-123");
			assertThat(r.headers().keySet()).noneMatch((name) -> name.toLowerCase().startsWith("x-ovh-"));
		});
		assertThat(this.server.requests("GET", "/auth/time")).isEmpty();
	}

	@Test
	void rejectedOAuth2ClientIsInvalidCredential() {
		this.server.on("POST", "/oauth2/token", (r) -> FakeOvhServer.Reply.of(401,
				"{\"error\":\"invalid_client\",\"error_description\":\"bad client my-secret\"}"));
		OvhConnection connection = OvhConnection.ofOAuth2(this.server.baseUrl(), "my-client", "my-secret")
			.withTokenUrl(this.server.baseUrl() + "/oauth2/token");
		OvhClient client = new OvhClient(connection, this.properties, new OvhClock(), null);
		assertThatThrownBy(() -> client.me().get()).isInstanceOf(OvhException.InvalidCredential.class)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("my-secret"));
	}

	@Test
	void writeToAClosedPortWasNeverSent() throws IOException {
		String base;
		try (FakeOvhServer closed = new FakeOvhServer()) {
			base = closed.baseUrl();
		}
		OvhConnection connection = OvhConnection.ofKeys(base, FakeOvhServer.AK, FakeOvhServer.AS, FakeOvhServer.CK);
		OvhClient client = new OvhClient(connection, this.properties, new OvhClock(), null);
		assertThatThrownBy(() -> client.orders().createCart(new CartCreation(null, null, "FR")))
			.isInstanceOf(OvhException.NetworkError.class);
	}

	@Test
	void orderFlowCallsTheDocumentedRoutes() {
		this.server
			.on("GET", "/order/cartServiceOption/domain/example.com",
					"""
							[{"exclusive":true,"mandatory":false,"family":"trade","productName":".com","productType":"delivery",
							  "planCode":"com-trade","prices":[{"interval":0,"minimumQuantity":1,"description":"d","minimumRepeat":1,
							  "priceInUcents":0,"pricingMode":"create-default","capacities":["installation"],"duration":"P0D",
							  "maximumRepeat":1,"pricingType":"purchase","price":{"text":"0.00 €","value":0,"currencyCode":"EUR"},
							  "maximumQuantity":1}]}]""")
			.on("POST", "/order/cart",
					"{\"cartId\":\"c87b\",\"description\":\"trade\",\"expire\":\"2020-10-18T13:44:30+00:00\",\"readOnly\":false,\"items\":[]}")
			.on("POST", "/order/cart/c87b/assign", (r) -> FakeOvhServer.Reply.of(200, "null"))
			.on("POST", "/order/cartServiceOption/domain/example.com",
					"{\"itemId\":42,\"cartId\":\"c87b\",\"productId\":\"domain\",\"options\":[],\"prices\":[],\"settings\":{\"planCode\":\"com-trade\"}}")
			.on("GET", "/order/cart/c87b/item/42/requiredConfiguration",
					"[{\"label\":\"OWNER_CONTACT\",\"type\":\"/me/contact\",\"required\":true}]")
			.on("POST", "/order/cart/c87b/item/42/configuration",
					"{\"id\":7,\"label\":\"OWNER_CONTACT\",\"value\":\"/me/contact/123\"}")
			.on("POST", "/order/cart/c87b/checkout",
					"{\"orderId\":555,\"url\":\"https://x\",\"prices\":{\"withTax\":{\"text\":\"0.00 €\",\"value\":0,\"currencyCode\":\"EUR\"}},\"details\":[],\"contracts\":[]}");
		OvhOrdersApi orders = client().orders();
		assertThat(orders.domainServiceOptions("example.com").get(0).planCode()).isEqualTo("com-trade");
		Cart cart = orders.createCart(new CartCreation("trade", null, "FR"));
		orders.assignCart(cart.cartId());
		CartItem item = orders.addDomainServiceOption("example.com",
				new DomainServiceOptionCreation(cart.cartId(), "P0Y", "com-trade", "create-default", 1L));
		assertThat(orders.requiredConfiguration(cart.cartId(), item.itemId()))
			.extracting(ConfigurationRequirement::label)
			.containsExactly("OWNER_CONTACT");
		assertThat(orders.addConfiguration(cart.cartId(), item.itemId(), "OWNER_CONTACT", "/me/contact/123").id())
			.isEqualTo(7);
		Order order = orders.checkout(cart.cartId(), new Checkout(true, true));
		assertThat(order.orderId()).isEqualTo(555);
		assertThat(this.server.requests("POST", "/order/cart/c87b/checkout").get(0).body())
			.isEqualTo("{\"autoPayWithPreferredPaymentMethod\":true,\"waiveRetractationPeriod\":true}");
		assertThat(this.server.requests("POST", "/order/cart/c87b/assign").get(0).body()).isEmpty();
		assertThat(this.server.requests("POST", "/order/cart/c87b/assign").get(0).header("Content-Type")).isNull();
	}

	@Test
	void pathSegmentsAreEncoded() {
		this.server.checkSignatures = true;
		assertThatThrownBy(() -> client().domains().get("../me")).isInstanceOf(OvhException.NotFound.class);
		assertThat(this.server.requests.stream().map(FakeOvhServer.Recorded::path)).contains("/domain/..%2Fme");
		assertThat(OvhPath.of("/domain/{serviceName}", "..").path()).isEqualTo("/domain/%2E%2E");
		assertThat(Map.of("k", OvhPath.of("/x").query("a", "é b").query("n", null).pathAndQuery())).containsEntry("k",
				"/x?a=%C3%A9%20b");
	}

}
