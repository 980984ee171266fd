package io.domaindesk.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@IntegrationTest
class SecurityTests {

	@Autowired
	ObservationRegistry observations;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	LoginSettings loginSettings;

	@LocalServerPort
	int port;

	@Test
	void anExpiredSessionDuringLiveSearchSendsHtmxToTheLoginPage() {
		// Without a session an htmx request gets no page to swap in (the results would
		// be replaced by the login form or emptied) but an instruction to load /login.
		assertThat(this.mvc.get().uri("/domains?q=cafe").header("HX-Request", "true")).hasStatus(401)
			.hasHeader("HX-Redirect", "/login")
			.body()
			.isEmpty();
		// A plain page request still gets the usual redirect.
		assertThat(this.mvc.get().uri("/domains?q=cafe")).hasStatus(302).redirectedUrl().endsWith("/login");
	}

	@Test
	void theFaviconIsServedToEveryone() {
		assertThat(this.mvc.get().uri("/favicon.svg")).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml");
	}

	@Test
	void staffLogsInAndLandsOnDomains() {
		assertThat(
				this.mvc.post().uri("/login").param("username", "bob").param("password", "demo-password").with(csrf()))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/domains");
		assertThat(lastAudit("bob")).isEqualTo("login.success/SUCCESS");
	}

	@Test
	void wrongPasswordIsRefusedAndAudited() {
		String name = newUser("wrongpw");
		assertThat(this.mvc.post()
			.uri("/login")
			.param("username", name)
			.param("password", "not-the-password")
			.with(csrf())).hasRedirectedUrl("/login?error");
		assertThat(lastAudit(name)).isEqualTo("login.failure/FAILURE");
	}

	@Test
	void fiveFailuresLockTheAccountEvenForTheRightPassword() {
		String name = newUser("lockme");
		for (int i = 1; i <= 5; i++) {
			assertThat(login(name, "wrong-password-" + i)).as("attempt " + i).hasRedirectedUrl("/login?error");
		}
		// Locked says no more than a wrong password (the same answer as unknown or
		// disabled).
		assertThat(login(name, "correct horse battery staple")).hasRedirectedUrl("/login?error");
		assertThat(lastAudit(name)).isEqualTo("login.failure/DENIED");
		assertThat(this.mvc.get().uri("/login?error").accept(MediaType.TEXT_HTML)).bodyText().contains("Login failed");

		// Once the lock expires the right password works again, and success clears the
		// counter.
		this.jdbc.sql("update login_attempt set locked_until = now() - interval '1 second' where username = :u")
			.param("u", name)
			.update();
		assertThat(login(name, "correct horse battery staple")).hasRedirectedUrl("/domains");
		assertThat(this.jdbc.sql("select count(*) from login_attempt where username = :u")
			.param("u", name)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * ASVS 5.0 6.3.8: the answer does not tell which accounts exist, are disabled or
	 * locked.
	 */
	@Test
	void unknownDisabledLockedAndWrongPasswordGetTheSameAnswer() {
		String disabled = newUser("disabled");
		this.jdbc.sql("update app_user set enabled = false where username = :u").param("u", disabled).update();
		String locked = newUser("locked");
		this.jdbc
			.sql("insert into login_attempt (username, failures, window_started_at, locked_until) "
					+ "values (:u, 5, now(), now() + interval '15 minutes')")
			.param("u", locked)
			.update();
		String exists = newUser("exists");
		// A lock holds for the addresses that failed (see LoginThrottle): this one did.
		this.jdbc.sql("""
				insert into login_attempt_address (address, failures, window_started_at) values ('127.0.0.1', 1, now())
				on conflict (address) do update set failures = login_attempt_address.failures + 1
				""").update();
		assertThat(login("nobody-" + UUID.randomUUID(), "correct horse battery staple"))
			.hasRedirectedUrl("/login?error");
		assertThat(login(disabled, "correct horse battery staple")).hasRedirectedUrl("/login?error");
		assertThat(login(locked, "correct horse battery staple")).hasRedirectedUrl("/login?error");
		assertThat(login(exists, "wrong password here")).hasRedirectedUrl("/login?error");
	}

	/**
	 * ASVS 5.0 6.3.1: one address guessing many names is stopped, yet cannot lock anyone
	 * out, the platform admin included: the right password from another address still
	 * logs in.
	 */
	@Test
	void oneAddressIsThrottledButCannotLockThePlatformAdminOut() {
		String attacker = "203.0.113." + (1 + ThreadLocalRandom.current().nextInt(250));
		String owner = "198.51.100." + (1 + ThreadLocalRandom.current().nextInt(250));
		String victim = newUser("sprayed");
		try {
			// Guesses at a few names, then at root, up to one below the address limit.
			int limit = this.loginSettings.addressMaxFailures();
			for (int i = 1; i < limit; i++) {
				String name = (i <= 3) ? "nobody-" + i : "root";
				assertThat(loginFrom(attacker, name, "guess-" + i)).as("guess " + i).hasRedirectedUrl("/login?error");
			}
			// Below the address limit, a right password for an account the address never
			// tried still works from it...
			assertThat(loginFrom(attacker, victim, "correct horse battery staple")).hasRedirectedUrl("/domains");
			assertThat(loginFrom(attacker, "nobody", "guess-" + limit)).hasRedirectedUrl("/login?error");
			assertThat(lastAudit("nobody")).isEqualTo("login.failure/FAILURE");
			// ...at the limit nothing does, with the same answer as a wrong password.
			assertThat(loginFrom(attacker, victim, "correct horse battery staple")).hasRedirectedUrl("/login?error");
			assertThat(lastAuditDetails(victim)).contains("address blocked");
			// root is locked for the guessing address, not for its owner elsewhere.
			assertThat(loginFrom(attacker, "root", "demo-password")).hasRedirectedUrl("/login?error");
			assertThat(loginFrom(owner, "root", "demo-password")).hasRedirectedUrl("/domains");
		}
		finally {
			this.jdbc.sql("delete from login_attempt where username in ('root', 'nobody') or username like 'nobody-%'")
				.update();
			this.jdbc.sql("delete from login_attempt_address where address in (:a, :o)")
				.param("a", attacker)
				.param("o", owner)
				.update();
		}
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64() {
		assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(LoginThrottle.addressKey("2001:db8:1:2::1")).isEqualTo(LoginThrottle.addressKey("2001:db8:1:2::2"));
		assertThat(LoginThrottle.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(LoginThrottle.addressKey("not an address")).isEqualTo("unknown");
	}

	@Test
	void failuresOutsideTheWindowDoNotAccumulate() {
		String name = newUser("slowtypist");
		for (int i = 0; i < 4; i++) {
			login(name, "wrong-" + i);
		}
		this.jdbc.sql("update login_attempt set window_started_at = now() - interval '16 minutes' where username = :u")
			.param("u", name)
			.update();
		login(name, "wrong-again");
		assertThat(login(name, "correct horse battery staple")).hasRedirectedUrl("/domains");
	}

	@Test
	void stateChangingRequestsWithoutCsrfTokenAreRejected() {
		assertThat(this.mvc.post().uri("/login").param("username", "bob").param("password", "demo-password"))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/admin/users").with(user(principal("alice"))).param("username", "eve"))
			.hasStatus(403);
	}

	@Test
	void pagesCarrySecurityHeaders() {
		var result = this.mvc.get().uri("/login").exchange();
		assertThat(result).hasStatusOk();
		String csp = result.getResponse().getHeader("Content-Security-Policy");
		// ASVS 5.0 V3.4.3: at least object-src 'none' and base-uri 'none'.
		assertThat(csp).contains("frame-ancestors 'none'")
			.contains("script-src 'self';")
			.contains("object-src 'none'")
			.contains("base-uri 'none'");
		assertThat(csp.replace("style-src-attr 'unsafe-inline'", "")).doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
	}

	@Test
	void anonymousVisitorsAreSentToLogin() {
		assertThat(this.mvc.get().uri("/domains")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatus(401);
	}

	@Test
	void rolesAreEnforced() {
		assertThat(this.mvc.get().uri("/admin/users").with(user(principal("bob")))).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/users").with(user(principal("dora")))).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/users").with(user(principal("alice")))).hasStatusOk();
		assertThat(this.mvc.get().uri("/admin/agencies").with(user(principal("alice")))).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/agencies").with(user(principal("root")))).hasStatusOk();
		// An auditor reads but never changes anything.
		assertThat(this.mvc.post().uri("/admin/users").with(user(principal("dora"))).with(csrf())).hasStatus(403);
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(user(principal("root")))).hasStatusOk();
	}

	/**
	 * Spring Security's per-filter observations are off (their cost on every request, for
	 * traces nobody collects); the request timings the metrics show are not.
	 */
	@Test
	void requestsAreTimedWithoutAnObservationPerSecurityFilter() {
		assertThat(Observation.start("spring.security.filterchains", this.observations).isNoop()).isTrue();
		assertThat(Observation.start("http.server.requests", this.observations).isNoop()).isFalse();
		assertThat(this.mvc.get().uri("/domains").with(user(principal("bob")))).hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(user(principal("root")))).hasStatusOk()
			.bodyText()
			.contains("http_server_requests_seconds_count")
			.doesNotContain("spring_security_filterchains");
	}

	@Test
	void metricsArePlatformAdminsAndTheScrapeAccountsOnly() {
		// An agency admin would read every agency's routes and outcomes there.
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(user(principal("alice")))).hasStatus(403);
		assertThat(this.mvc.get().uri("/actuator/metrics").with(user(principal("alice")))).hasStatus(403);
		String basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString("scraper:scrape-test-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(this.mvc.get().uri("/actuator/prometheus").header("Authorization", basic)).hasStatusOk()
			.bodyText()
			.doesNotContain("dd-demo-ak-");
		String wrong = "Basic " + java.util.Base64.getEncoder()
			.encodeToString("scraper:wrong".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(this.mvc.get().uri("/actuator/prometheus").header("Authorization", wrong)).hasStatus(401);
		// The scraper is not a user of the application.
		assertThat(this.mvc.get().uri("/domains").header("Authorization", basic)).hasStatus3xxRedirection();
	}

	@Test
	void errorPagesRevealNothingInternal() {
		BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
		HttpResponse<String> forbidden = bob.get("/admin/users");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Access denied").doesNotContain("Exception").doesNotContain("at io.");
		HttpResponse<String> missing = bob.get("/no/such/page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Not found").doesNotContain("Whitelabel").doesNotContain("trace");
		HttpResponse<String> french = bob.get("/no/such/page?lang=fr");
		assertThat(french.body()).contains("Introuvable");
	}

	@Test
	void sessionsLiveInPostgresqlOverRealHttp() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://127.0.0.1:" + this.port;
		String loginPage = http
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=carol&password=demo-password&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/domains"));
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'carol'")
			.query(Long.class)
			.single()).isPositive();
		HttpResponse<String> domains = http.send(
				HttpRequest.newBuilder(URI.create(base + "/domains")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(domains.statusCode()).isEqualTo(200);
		assertThat(domains.body()).contains("Studio Nord");
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult login(String username, String password) {
		return this.mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.exchange();
	}

	private MvcTestResult loginFrom(String address, String username, String password) {
		return this.mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			})
			.exchange();
	}

	private String lastAuditDetails(String actor) {
		return this.jdbc.sql("select details::text from audit_event where actor = :a order by id desc limit 1")
			.param("a", actor)
			.query(String.class)
			.single();
	}

	private String newUser(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		long agency = this.jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:agency, :name, 'Test user', :hash, 'STAFF')
				""")
			.param("agency", agency)
			.param("name", name)
			.param("hash", this.passwordEncoder.encode("correct horse battery staple"))
			.update();
		return name;
	}

	private DeskPrincipal principal(String username) {
		return this.users.findByUsername(username).orElseThrow();
	}

	private String lastAudit(String actor) {
		return this.jdbc
			.sql("select action || '/' || outcome from audit_event where actor = :a order by id desc limit 1")
			.param("a", actor)
			.query(String.class)
			.single();
	}

}
