package io.domaindesk.clients;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The public consent page over real HTTP, from a browser with no account and no cookie:
 * one neutral answer for every link that does not work, its rate limit, and an answer
 * recorded once with its evidence in the audit chain.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentPageTests {

	/** Far from the ids of real trades, whose pages list their consent requests. */
	private static final long TRADE = 990_000_002L;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	ConsentRequestRepository requests;

	@Autowired
	ConsentRateLimit rateLimit;

	@Autowired
	ConsentProperties properties;

	@Autowired
	MockMvcTester mvc;

	@LocalServerPort
	int port;

	private long agency;

	@BeforeEach
	void cleanSlate() {
		this.rateLimit.forget();
		this.agency = this.users.findByUsername("bob").orElseThrow().agencyId();
	}

	@AfterEach
	void forgetCounts() {
		this.rateLimit.forget();
	}

	/**
	 * What the route sweep does, and what left the consent page with a session-bound CSRF
	 * token for every later test: a MockMvc request to the page with Spring Security's
	 * {@code csrf()}, which rewires the shared context's filter.
	 */
	@Test
	@Order(1)
	void aMockMvcAnswerWithTheTestsCsrfTokenGetsTheNeutralPage() {
		assertThat(this.mvc.post()
			.uri("/consent/{token}", ConsentTokens.newToken())
			.param("answer", "agree")
			.with(csrf())
			.accept(org.springframework.http.MediaType.TEXT_HTML)).hasStatus(ConsentPage.NEUTRAL_STATUS);
	}

	/** In the state the previous test leaves the shared context in. */
	@Test
	@Order(2)
	void noLinkOpensASessionWhateverRanBefore() {
		String valid = request(Instant.now().plus(7, ChronoUnit.DAYS));
		String used = request(Instant.now().plus(7, ChronoUnit.DAYS));
		BrowserSession owner = new BrowserSession(this.port);
		assertThat(owner.get("/consent/" + used).statusCode()).isEqualTo(200);
		assertThat(owner.post("/consent/" + used, Map.of("answer", "agree")).statusCode()).isEqualTo(200);
		String expired = request(Instant.now().minusSeconds(1));

		Map<String, String> tokens = Map.of("unknown", ConsentTokens.newToken(), "used", used, "expired", expired,
				"valid", valid);
		tokens.forEach((kind, token) -> {
			HttpResponse<String> page = fresh("/consent/" + token);
			assertThat(page.statusCode()).as(kind).isEqualTo(kind.equals("valid") ? 200 : 404);
			assertThat(page.headers().allValues("Set-Cookie")).as("cookies of the %s link's page", kind)
				.noneMatch((cookie) -> cookie.startsWith("SESSION="));
		});
		// The valid link's form is protected by the page's own cookie, not a session.
		assertThat(fresh("/consent/" + valid).headers().allValues("Set-Cookie")).singleElement()
			.asString()
			.startsWith("DD-CONSENT-CSRF=");
		BrowserSession answering = new BrowserSession(this.port);
		answering.get("/consent/" + valid);
		HttpResponse<String> answered = answering.post("/consent/" + valid, Map.of("answer", "agree"));
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("SESSION="));
	}

	@Test
	void unknownUsedExpiredRevokedAndMalformedLinksGetTheSameNeutralPage() {
		String used = request(Instant.now().plus(7, ChronoUnit.DAYS));
		BrowserSession owner = new BrowserSession(this.port);
		assertThat(owner.get("/consent/" + used).statusCode()).isEqualTo(200);
		assertThat(owner.post("/consent/" + used, Map.of("answer", "agree")).statusCode()).isEqualTo(200);
		String expired = request(Instant.now().minusSeconds(1));
		String revoked = request(Instant.now().plus(7, ChronoUnit.DAYS));
		ConsentRequest toRevoke = this.requests.findByTokenHash(ConsentTokens.sha256(revoked)).orElseThrow();
		toRevoke.revoke("bob", Instant.now());
		this.requests.save(toRevoke);

		HttpResponse<String> unknown = fresh("/consent/" + ConsentTokens.newToken());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("This link does not work");
		for (String token : new String[] { used, expired, revoked, "short", "x".repeat(300) }) {
			HttpResponse<String> response = fresh("/consent/" + token);
			assertThat(response.statusCode()).as(token).isEqualTo(unknown.statusCode());
			assertThat(response.body()).as(token).isEqualTo(unknown.body());
			assertThat(response.headers().allValues("Set-Cookie")).as("no session, no token for " + token).isEmpty();
			assertThat(response.headers().firstValue("Content-Security-Policy")).get()
				.asString()
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'");
		}
		// A second answer on a used link changes nothing.
		assertThat(owner.post("/consent/" + used, Map.of("answer", "decline")).statusCode()).isEqualTo(404);
		assertThat(this.requests.findByTokenHash(ConsentTokens.sha256(used)).orElseThrow().getStatus())
			.isEqualTo(ConsentStatus.AGREED);
	}

	@Test
	void theLinkPageIsRateLimitedPerAddress() throws InterruptedException {
		String open = request(Instant.now().plus(7, ChronoUnit.DAYS));
		// The limit counts per minute of the database's clock: the 31 requests below all
		// fall in one minute (near the end of one, the last ones were counted in the next
		// and admitted).
		double secondsLeft = this.jdbc
			.sql("select extract(epoch from date_trunc('minute', now()) + interval '1 minute' - now())")
			.query(Double.class)
			.single();
		if (secondsLeft < 20) {
			Thread.sleep((long) (secondsLeft * 1000) + 200);
		}
		int limit = this.properties.requestsPerMinute();
		for (int i = 0; i < limit; i++) {
			assertThat(fresh("/consent/" + ConsentTokens.newToken()).statusCode()).isEqualTo(404);
		}
		HttpResponse<String> limited = fresh("/consent/" + open);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).contains("60");
		assertThat(limited.body()).doesNotContain("Agence").doesNotContain("agree");
		this.rateLimit.forget();
		assertThat(fresh("/consent/" + open).statusCode()).isEqualTo(200);
	}

	@Test
	void windowsOfEarlierMinutesAreDeleted() {
		this.jdbc.sql("""
				insert into consent_rate_window (address, window_start, requests)
				values ('192.0.2.10', date_trunc('minute', now()) - interval '3 minutes', 30),
				       ('192.0.2.11', date_trunc('minute', now()) - interval '1 minute', 4)
				""").update();
		assertThat(fresh("/consent/" + ConsentTokens.newToken()).statusCode()).isEqualTo(404);
		this.rateLimit.purge();
		assertThat(this.jdbc.sql("select address from consent_rate_window").query(String.class).list())
			.as("only this minute's windows are left")
			.containsExactly("127.0.0.1");
	}

	@Test
	void anAnswerIsRecordedOnceWithItsEvidenceInTheAuditChainAndNeedsItsCsrfCookie() {
		String token = request(Instant.now().plus(7, ChronoUnit.DAYS));
		// Without the page's CSRF token and cookie, nothing is recorded.
		assertThat(new BrowserSession(this.port).post("/consent/" + token, Map.of("answer", "agree")).statusCode())
			.isEqualTo(403);

		BrowserSession owner = new BrowserSession(this.port);
		HttpResponse<String> page = owner.get("/consent/" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Agence Test asks for your agreement")
			.contains("First name: Old → New")
			.contains("12.00 €")
			.contains("I agree")
			.contains("I decline");
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
		HttpResponse<String> answered = owner.post("/consent/" + token,
				Map.of("answer", "decline", "comment", "Not this year " + "x".repeat(2000)));
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("Your refusal was recorded");

		ConsentRequest consent = this.requests.findByTokenHash(ConsentTokens.sha256(token)).orElseThrow();
		assertThat(consent.getStatus()).isEqualTo(ConsentStatus.DECLINED);
		assertThat(consent.getAnswerIp()).isEqualTo("127.0.0.1");
		assertThat(consent.getAnswerComment()).startsWith("Not this year").hasSize(1000);
		assertThat(consent.getAnswerUserAgent()).isNotBlank();
		assertThat(consent.getShownSha256()).isEqualTo(ConsentTokens.sha256(consent.getShownText()));
		Map<String, Object> audit = this.jdbc.sql("""
				select actor, ip, details ->> 'shownSha256' as sha, details ->> 'shownText' as text,
				       details ->> 'answer' as answer
				from audit_event where action = 'consent.answer' and details ->> 'consentId' = :id
				""").param("id", consent.getId().toString()).query().singleRow();
		assertThat(audit).containsEntry("actor", AnswerConsent.ACTOR)
			.containsEntry("ip", "127.0.0.1")
			.containsEntry("sha", consent.getShownSha256())
			.containsEntry("text", consent.getShownText())
			.containsEntry("answer", "DECLINED");
	}

	/** A request made as the clients module makes it, and the raw token of its link. */
	private String request(Instant expires) {
		String token = ConsentTokens.newToken();
		String text = """
				Agence Test asks for your agreement about example.com

				What changes (before → after):
				• First name: Old → New

				Price of the change at OVHcloud: 12.00 €""";
		this.requests
			.save(new ConsentRequest(this.agency, null, TRADE, "fixture-consent.com", "123", "owner@example.net",
					"Owner", "en", ConsentTokens.sha256(token), "bob", expires, text, ConsentTokens.sha256(text)));
		return token;
	}

	private HttpResponse<String> fresh(String path) {
		return new BrowserSession(this.port).get(path);
	}

}
