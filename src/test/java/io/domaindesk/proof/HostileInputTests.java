package io.domaindesk.proof;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nasty values in every query parameter and form field, over real HTTP so that the
 * container's own error pages are part of what is checked: never a 500, never a stack
 * trace or an exception's class name in the page. Seeded, so a failure replays with
 * {@code -Dproof.seed=…}.
 */
@IntegrationTest
class HostileInputTests {

	static final long SEED = Long.getLong("proof.seed", 20261129L);

	static final int ROUNDS = Integer.getInteger("proof.rounds", 12);

	static final List<String> NASTY = List.of("", " ", "x".repeat(10_000), "%00", "\u0000", "../../etc/passwd",
			"..%2F..%2F", "'", "' or '1'='1", "\"; drop table domain; --", "\\", "%", "_", "*",
			"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://evil.example\")",
			"${7*7}", "#{7*7}", "__${T(java.lang.Runtime)}__::.x", "[[${7*7}]]", "{{7*7}}", "-1", "0", "2147483648",
			"-2147483649", "9223372036854775808", "1e309", "NaN", "0x1F", "true", "null", "undefined", "ÉTÉ", "café",
			"xn--caf-dma", "日本語", "\uD83D\uDE00", "\u202Eevil", "\r\nSet-Cookie: x=1", "a\tb", "ADMIN",
			"PLATFORM_ADMIN", "asc;desc", "name desc", "expiry,1", "CSV", "../csv", "pdf\u0000", "xlsx ", "2026-13-45",
			"1970-01-01T00:00:00Z", "9999-12-31", "ab12345-OVH");

	private static final Pattern LEAK = Pattern.compile(
			"Exception|\\bat (io|org|java|jakarta)\\.|java\\.lang|Whitelabel|SpelEvaluation|TemplateProcessing|SQLState|org\\.postgresql");

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final Random random = new Random(SEED);

	private final List<String> sent = new ArrayList<>();

	private String ownDomain;

	@BeforeEach
	void inventory() {
		long agency = this.jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		if (this.jdbc.sql("select count(*) from domain where agency_id = :a")
			.param("a", agency)
			.query(Long.class)
			.single() == 0) {
			BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
			bob.get("/sync");
			bob.post("/sync", Map.of());
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> this.jdbc.sql("select count(*) from sync_run where agency_id = :a and status <> 'RUNNING'")
					.param("a", agency)
					.query(Long.class)
					.single() > 0);
		}
		this.ownDomain = this.jdbc.sql("select min(name) from domain where agency_id = :a")
			.param("a", agency)
			.query(String.class)
			.single();
	}

	@Test
	void queryParametersNeverBreakAPage() {
		BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
		BrowserSession alice = BrowserSession.loggedIn(this.port, "alice", "demo-password");
		List<String> problems = new ArrayList<>();
		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put("/domains", List.of("q", "nic", "role", "tld", "state", "expiresWithin", "pending", "drift", "gone",
				"sort", "dir", "page", "size", "lang"));
		pages.put("/domains/export", List.of("format", "q", "nic", "role", "columns", "sort", "page"));
		pages.put("/nic-changes", List.of("q", "state", "page", "lang"));
		pages.put("/nic-changes/bulk", List.of("q", "nic", "role", "tld", "expiresWithin", "names", "state"));
		pages.put("/sync", List.of("lang"));
		pages.put("/audit", List.of("from", "to", "user", "action", "domain", "outcome", "before", "after", "size"));
		pages.put("/audit/export", List.of("format", "from", "to", "user", "outcome", "before", "size"));
		pages.put("/trades", List.of("q", "state", "page"));
		for (int round = 0; round < ROUNDS; round++) {
			for (var page : pages.entrySet()) {
				BrowserSession who = page.getKey().startsWith("/audit") ? alice : bob;
				StringBuilder query = new StringBuilder();
				for (String name : page.getValue()) {
					if (this.random.nextInt(3) > 0) {
						query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(nasty()));
					}
				}
				check(problems, "GET " + page.getKey() + query, who.get(page.getKey() + query));
			}
			// Path variables, too.
			check(problems, "GET /domains/{nasty}", bob.get("/domains/" + encode(nasty())));
			check(problems, "GET /batches/{nasty}", bob.get("/batches/" + encode(nasty())));
			check(problems, "GET /admin/users/{nasty}/password",
					alice.get("/admin/users/" + encode(nasty()) + "/password"));
		}
		assertThat(problems).as("seed %d", SEED).isEmpty();
	}

	@Test
	void formsNeverBreak() {
		BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
		BrowserSession alice = BrowserSession.loggedIn(this.port, "alice", "demo-password");
		List<String> problems = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			bob.get("/domains/" + this.ownDomain + "/nic-change");
			// Never "confirm": the fuzz checks the form, it does not send changes.
			check(problems, "POST nic-change", bob.post("/domains/" + this.ownDomain + "/nic-change", Map
				.of("contactAdmin", nasty(), "contactTech", nasty(), "contactBilling", nasty(), "step", "preview")));
			check(problems, "POST nic-change/accept",
					bob.post("/nic-changes/" + encode(nasty()) + "/1/accept", Map.of("token", nasty())));
			check(problems, "POST tasks/{action}", bob
				.post("/domains/" + this.ownDomain + "/tasks/" + encode(nasty()) + "/" + encode(nasty()), Map.of()));
			alice.get("/admin/users");
			// A one-letter password never passes the policy: nothing is created.
			// Unknown roles are a known 500 (FoundBugsTests): fuzz the text fields only.
			String role = List.of("STAFF", "AUDITOR", "AGENCY_ADMIN", "PLATFORM_ADMIN", "SUPERUSER", "")
				.get(this.random.nextInt(6));
			check(problems, "POST /admin/users", alice.post("/admin/users",
					Map.of("username", nasty(), "displayName", nasty(), "role", role, "password", "x")));
			check(problems, "POST /login", new BrowserSession(this.port).post("/login",
					Map.of("username", "fuzz-" + this.random.nextInt(1000) + nasty(), "password", nasty())));
		}
		assertThat(problems).as("seed %d", SEED).isEmpty();
	}

	/**
	 * A page that shows the user's own input back (as text) is not leaking anything: a
	 * match also found in what was sent does not count.
	 */
	private void check(List<String> problems, String what, HttpResponse<String> response) {
		String sent = String.join("\n", this.sent);
		this.sent.clear();
		String shown = what.length() > 160 ? what.substring(0, 160) + "…" : what;
		if (response.statusCode() >= 500) {
			problems.add(response.statusCode() + " for " + shown);
		}
		// A page that sends the user back to log in was never checked: a lost session
		// would otherwise make every request pass. (A refused login goes to
		// /login?error.)
		String location = response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
		if (response.statusCode() / 100 == 3 && location.matches("/login(\\?expired)?")) {
			problems.add("sent back to the login page for " + shown);
		}
		var leak = LEAK.matcher(response.body());
		while (leak.find()) {
			if (!sent.contains(leak.group())) {
				problems.add("'" + leak.group() + "' in the page for " + shown);
				break;
			}
		}
	}

	private String nasty() {
		String value = NASTY.get(this.random.nextInt(NASTY.size()));
		value = switch (this.random.nextInt(6)) {
			case 0 -> value + NASTY.get(this.random.nextInt(NASTY.size()));
			case 1 -> randomUnicode() + value;
			default -> value;
		};
		this.sent.add(value);
		return value;
	}

	private String randomUnicode() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 1 + this.random.nextInt(8); i++) {
			int codePoint;
			do {
				codePoint = this.random.nextInt(0x2FFFF);
			}
			while (!Character.isDefined(codePoint) || Character.isSurrogate((char) codePoint));
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
