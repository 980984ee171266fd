package io.domaindesk.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every route of every Spring MVC handler mapping (the application's and the actuator's),
 * every HTTP method, checked from outside: anonymous visitors, each role, another
 * agency's ids, a missing CSRF token, the security headers. A new controller method is
 * swept without touching this test; a new route prefix with new rules needs a line in
 * {@link #RULES}.
 */
@IntegrationTest
class RouteSweepTests {

	enum Role {

		PLATFORM_ADMIN, AGENCY_ADMIN, STAFF, AUDITOR

	}

	/** Who may reach a route: none of the roles means open to anonymous visitors. */
	record Rule(String pattern, RequestMethod method, Set<Role> roles, boolean basicAuth) {

		boolean open() {
			return this.roles.isEmpty();
		}

	}

	private static final Set<Role> ALL = EnumSet.allOf(Role.class);

	private static final Set<Role> CHANGERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.AGENCY_ADMIN, Role.STAFF);

	/** The expected access, first match wins (mirrors the issue, not the code). */
	static final List<Rule> RULES = List.of(rule("/actuator/health/**", null),
			rule("/actuator/**", null, true, Role.PLATFORM_ADMIN), rule("/login", null), rule("/logout", null),
			rule("/error/**", null),
			// The owner's consent link: public, answers neutrally (clients16).
			rule("/consent/**", null), rule("/ovh-sandbox/control/**", null, Role.PLATFORM_ADMIN),
			// Logged-in users, each reading their own agency's mail.
			rule("/ovh-sandbox/mailbox/**", null, ALL.toArray(Role[]::new)),
			// The emulator stands in for OVHcloud and authenticates API calls by
			// signature.
			rule("/ovh-sandbox/**", null), rule("/admin/agencies/**", null, Role.PLATFORM_ADMIN),
			rule("/admin/endpoints/**", null, Role.PLATFORM_ADMIN), rule("/admin/users/**", null, Role.AGENCY_ADMIN),
			rule("/admin/ovh-accounts/**", null, Role.AGENCY_ADMIN),
			rule("/admin/**", null, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN),
			rule("/audit/**", RequestMethod.POST, Role.AGENCY_ADMIN),
			rule("/audit/**", null, Role.AGENCY_ADMIN, Role.AUDITOR),
			// The second step of a login: whoever proved a password, anonymous sent back
			// to the first.
			rule("/login/totp/**", null, ALL.toArray(Role[]::new)),
			// Everybody, auditors included, manages their own account.
			rule("/account/**", null, ALL.toArray(Role[]::new)),
			rule("/**", RequestMethod.POST, CHANGERS.toArray(Role[]::new)),
			rule("/**", null, ALL.toArray(Role[]::new)));

	/** Demo users by role, all but carol: her agency is the other one. */
	static final Map<Role, String> USERS = Map.of(Role.AGENCY_ADMIN, "alice", Role.STAFF, "bob", Role.AUDITOR, "dora",
			Role.PLATFORM_ADMIN, "root");

	/**
	 * State-changing routes that act on the caller's own agency with no id in the URL:
	 * replaying them for every role would start syncs and polls or create users, which
	 * says nothing about the boundary between agencies. Their access rules and CSRF are
	 * still checked.
	 */
	static final Set<String> OWN_AGENCY_ACTIONS = Set.of("POST /sync", "POST /nic-changes/refresh", "POST /logout",
			"POST /login", "POST /admin/users", "POST /admin/agencies", "POST /admin/endpoints", "POST /audit/verify",
			"POST /trades/settings", "POST /trades/refresh", "POST /account/password", "POST /clients/settings",
			"POST /account/sessions/end-others");

	/**
	 * Bugs the sweep finds that are filed and have a test of their own (marked
	 * {@code @Disabled}); listed so that the sweep keeps checking everything else.
	 */
	static final Map<String, String> KNOWN_BUGS = Map.of();

	private static final String UNRESOLVED = "X-Proof-Unresolved";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	private long nord;

	private Map<String, String> foreign;

	@BeforeEach
	void studioNordHasData() {
		this.nord = this.jdbc.sql("select id from agency where name = 'Studio Nord'").query(Long.class).single();
		if (count("select count(*) from domain where agency_id = :a") == 0) {
			assertThat(this.mvc.post()
				.uri("/sync")
				.with(user(this.users.findByUsername("carol").orElseThrow()))
				.with(csrf())).hasStatus3xxRedirection();
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> count("select count(*) from sync_run where agency_id = :a and status <> 'RUNNING'") > 0);
		}
		String domain = this.jdbc.sql("select min(name) from domain where agency_id = :a")
			.param("a", this.nord)
			.query(String.class)
			.single();
		long account = this.jdbc.sql("select min(id) from ovh_account where agency_id = :a")
			.param("a", this.nord)
			.query(Long.class)
			.single();
		long carol = this.jdbc.sql("select id from app_user where username = 'carol'").query(Long.class).single();
		// A paused batch and a waiting task of Studio Nord: what a request with their ids
		// would resume, cancel or answer.
		long batch = this.jdbc.sql("""
				insert into nic_change_batch (agency_id, created_by, status, selection, total)
				values (:a, 'carol', 'PAUSED', 'proof: route sweep', 0) returning id
				""").param("a", this.nord).query(Long.class).single();
		long task = 900_000_000L + (UUID.randomUUID().getLeastSignificantBits() & 0xFFFFFF);
		this.jdbc.sql("""
				insert into contact_change_task (ovh_account_id, task_id, agency_id, domain_name, contact_types,
				  from_account, to_account, asking_account, state, date_request)
				values (:acc, :t, :a, :d, 'tech', 'sn2000-ovh', 'sn2000-ovh', 'sn2000-ovh', 'todo', now())
				""").param("acc", account).param("t", task).param("a", this.nord).param("d", domain).update();
		// And a trade of Studio Nord waiting for approval: what approving or cancelling
		// by id would move.
		long trade = this.jdbc
			.sql("select id from trade where agency_id = :a and created_by = 'carol' "
					+ "and plan_code = 'proof-trade' limit 1")
			.param("a", this.nord)
			.query(Long.class)
			.optional()
			.orElseGet(() -> this.jdbc.sql("""
					insert into trade (agency_id, ovh_account_id, domain_name, status, plan_code, pricing_mode,
					  created_by)
					values (:a, :acc, :d, 'AWAITING_APPROVAL', 'proof-trade', 'default', 'carol') returning id
					""").param("a", this.nord).param("acc", account).param("d", domain).query(Long.class).single());
		// And a message of Studio Nord in the outbox, already sent (nobody may send it
		// again).
		this.jdbc.sql("""
				insert into outgoing_message (message_key, message_id, agency_id, kind, recipient, locale, subject,
				  text_body, html_body, status)
				values ('proof:route-sweep', '<proof-route-sweep@domaindesk>', :a, 'WEEKLY_DIGEST', 'carol@example.com',
				  'fr', :d, :d, :d, 'SENT')
				on conflict (message_key) do nothing
				""").param("a", this.nord).param("d", domain).update();
		long message = this.jdbc.sql("select id from outgoing_message where message_key = 'proof:route-sweep'")
			.query(Long.class)
			.single();
		this.foreign = new LinkedHashMap<>();
		this.foreign.put("message", Long.toString(message));
		this.foreign.put("domain", domain);
		this.foreign.put("serviceName", domain);
		this.foreign.put("accountId", Long.toString(account));
		this.foreign.put("taskId", Long.toString(task));
		this.foreign.put("user", Long.toString(carol));
		this.foreign.put("batch", Long.toString(batch));
		this.foreign.put("trade", Long.toString(trade));
		// A client of Studio Nord and a consent request of its trade (clients16).
		long client = this.jdbc.sql("""
				insert into client (agency_id, name, sort_name) values (:a, 'Proof client', 'proof client')
				returning id
				""").param("a", this.nord).query(Long.class).single();
		String consent = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into consent_request (id, agency_id, client_id, trade_id, domain_name, new_owner_contact_id,
				  recipient_email, locale, token_hash, status, created_by, expires_at, shown_text, shown_sha256)
				values (cast(:id as uuid), :a, :c, :t, :d, '1', 'owner@example.net', 'en', :h, 'PENDING', 'carol',
				  now() + interval '7 days', 'proof', 'proof')
				""")
			.param("id", consent)
			.param("a", this.nord)
			.param("c", client)
			.param("t", trade)
			.param("d", domain)
			.param("h", consent)
			.update();
		this.foreign.put("client", Long.toString(client));
		this.foreign.put("consent", consent);
		// A request of Studio Nord to turn four eyes off (sec12c): what confirming,
		// cancelling or dismissing by id would decide.
		long fourEyesChange = this.jdbc
			.sql("select id from four_eyes_change where agency_id = :a and state = 'PENDING'")
			.param("a", this.nord)
			.query(Long.class)
			.optional()
			.orElseGet(() -> this.jdbc.sql("""
					insert into four_eyes_change (agency_id, four_eyes, state, requested_by)
					values (:a, false, 'PENDING', 'carol') returning id
					""").param("a", this.nord).query(Long.class).single());
		this.foreign.put("fourEyesChange", Long.toString(fourEyesChange));
	}

	@Test
	void everyRouteAnswersOnlyWhomItShould() {
		List<Route> routes = routes();
		assertThat(routes).extracting(Route::key)
			.contains("GET /domains", "GET /domains/{domain}", "POST /domains/{domain}/nic-change", "GET /batches/{id}",
					"POST /admin/users/{id}/disable", "GET /audit/export", "GET /actuator/health");

		String before = tenantChecksum();
		Map<String, Double> ovhCallsBefore = ovhCalls();
		List<String> problems = new ArrayList<>();
		List<String> known = new ArrayList<>();
		StringBuilder table = new StringBuilder(String.format("%-7s %-62s %-24s %-9s %-6s %-6s %-6s %-6s %-5s%n",
				"method", "route", "allowed", "anon", "alice", "bob", "dora", "root", "csrf"));

		for (Route route : routes) {
			Rule rule = ruleFor(route);
			String path = concrete(route);
			List<String> cells = new ArrayList<>();

			// Anonymous.
			MockHttpServletResponse anon = exchange(route, path, null, true);
			String anonCell = anon.getStatus() + "";
			if (rule.open()) {
				check(problems, route, "anonymous", !redirectsToLogin(anon), "open route sent to login");
			}
			else if (rule.basicAuth()) {
				check(problems, route, "anonymous", anon.getStatus() == 401, "expected 401, got " + anon.getStatus());
			}
			else {
				check(problems, route, "anonymous", redirectsToLogin(anon),
						"expected a redirect to /login, got " + anon.getStatus() + " " + anon.getRedirectedUrl());
				anonCell = redirectsToLogin(anon) ? "→login" : anonCell;
			}
			headers(problems, route, anon);

			// Each role, with Studio Nord's ids in the path.
			for (Role role : List.of(Role.AGENCY_ADMIN, Role.STAFF, Role.AUDITOR, Role.PLATFORM_ADMIN)) {
				boolean allowed = rule.open() || rule.roles().contains(role);
				if (rule.open() || (allowed && (OWN_AGENCY_ACTIONS.contains(route.key()) || emulatorAction(route)))) {
					cells.add("-");
					continue;
				}
				MockHttpServletResponse response = exchange(route, path, USERS.get(role), true);
				int status = response.getStatus();
				cells.add(Integer.toString(status));
				headers(problems, route, response);
				String who = USERS.get(role);
				if (!allowed) {
					check(problems, route, who, status == 403, "expected 403, got " + status);
					continue;
				}
				if (status >= 500) {
					(KNOWN_BUGS.containsKey(route.key()) ? known : problems)
						.add(route.key() + " as " + who + ": " + status);
					continue;
				}
				if (role == Role.PLATFORM_ADMIN || route.path().startsWith("/actuator")) {
					continue; // no agency of its own: refused or shown the platform view
				}
				if (route.tenantIds()) {
					check(problems, route, who, status == 404, "another agency's ids must answer 404, got " + status);
				}
				else if (route.method() == RequestMethod.GET && status == 200) {
					String body = contentOf(response);
					check(problems, route, who, !body.contains(this.foreign.get("domain")),
							"shows a Studio Nord domain");
				}
			}

			// No CSRF token: refused whoever asks (the emulator's API is signed instead).
			String csrfCell = "-";
			if (route.method() != RequestMethod.GET && !route.path().startsWith("/ovh-sandbox/1.0")
					&& !route.path().startsWith("/actuator")) {
				MockHttpServletResponse response = exchange(route, path, "alice", false);
				csrfCell = Integer.toString(response.getStatus());
				check(problems, route, "no CSRF token", response.getStatus() == 403,
						"expected 403, got " + response.getStatus());
			}
			table.append(String.format("%-7s %-62s %-24s %-9s %-6s %-6s %-6s %-6s %-5s%n", route.method(), route.path(),
					rule.open() ? "anyone" : shortRoles(rule.roles()), anonCell, cells.get(0), cells.get(1),
					cells.get(2), cells.get(3), csrfCell));
		}
		System.out.println("Route sweep (Studio Nord ids: " + this.foreign + ")\n" + table);
		known.forEach(k -> System.out.println("KNOWN BUG, tested on its own: " + k));

		assertThat(tenantChecksum()).as("Studio Nord's rows and its OVHcloud objects after the sweep")
			.isEqualTo(before);
		assertThat(ovhCalls()).as("OVHcloud calls made while other agencies' ids were tried").isEqualTo(ovhCallsBefore);
		assertThat(problems).isEmpty();
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() {
		for (String path : List.of("/login", "/domains", "/no/such/page", "/actuator/health", "/ovh-sandbox/mailbox")) {
			MockHttpServletResponse response = this.mvc.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.with(user(this.users.findByUsername("bob").orElseThrow()))
				.exchange()
				.getResponse();
			List<String> problems = new ArrayList<>();
			headers(problems, new Route(RequestMethod.GET, path, false), response);
			assertThat(problems).as(path).isEmpty();
		}
	}

	private void headers(List<String> problems, Route route, MockHttpServletResponse response) {
		if (response.getHeader(UNRESOLVED) != null) {
			return; // the status is reported; MockMvc has no error page whose headers to
					// read
		}
		String csp = response.getHeader("Content-Security-Policy");
		if (csp == null) {
			problems.add(route.key() + ": no Content-Security-Policy");
			return;
		}
		String scriptSrc = directive(csp, "script-src");
		check(problems, route, "headers",
				scriptSrc != null && !scriptSrc.contains("unsafe-inline") && !scriptSrc.contains("unsafe-eval"),
				"script-src allows inline script: " + scriptSrc);
		check(problems, route, "headers", "'none'".equals(directive(csp, "frame-ancestors")),
				"frame-ancestors is not 'none'");
		check(problems, route, "headers", "nosniff".equals(response.getHeader("X-Content-Type-Options")), "no nosniff");
		check(problems, route, "headers", response.getHeader("Referrer-Policy") != null, "no Referrer-Policy");
	}

	private static String directive(String csp, String name) {
		for (String part : csp.split(";")) {
			String p = part.strip();
			if (p.equals(name) || p.startsWith(name + " ")) {
				return p.substring(name.length()).strip();
			}
		}
		return null;
	}

	private MockHttpServletResponse exchange(Route route, String path, String username, boolean withCsrf) {
		// A browser for pages; an API client for the emulator's API and the actuator.
		boolean api = path.startsWith("/ovh-sandbox/1.0") || path.startsWith("/actuator");
		var request = this.mvc.method(HttpMethod.valueOf(route.method().name()))
			.uri(path)
			.accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
		if (route.method() != RequestMethod.GET) {
			request.param("token", "proof-token")
				.param("contactTech", "sn2000-ovh")
				.param("names", this.foreign.get("domain"))
				.param("step", "confirm");
			if (withCsrf) {
				request.with(csrf());
			}
		}
		if (username != null) {
			request.with(user(this.users.findByUsername(username).orElseThrow()));
		}
		MvcTestResult result = request.exchange();
		if (result.getUnresolvedException() != null) {
			// What the container's error page would have answered.
			MockHttpServletResponse failed = new MockHttpServletResponse();
			failed.setStatus(500);
			failed.setHeader(UNRESOLVED, result.getUnresolvedException().toString());
			return failed;
		}
		return result.getResponse();
	}

	private static String contentOf(MockHttpServletResponse response) {
		try {
			return response.getContentAsString();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static boolean redirectsToLogin(MockHttpServletResponse response) {
		return response.getStatus() == 302 && response.getRedirectedUrl() != null
				&& response.getRedirectedUrl().replaceFirst("^https?://[^/]+", "").equals("/login");
	}

	private static void check(List<String> problems, Route route, String who, boolean ok, String problem) {
		if (!ok) {
			problems.add(route.key() + " as " + who + ": " + problem);
		}
	}

	/**
	 * The emulator's own controls: replaying them would inject faults or move its clock.
	 */
	private static boolean emulatorAction(Route route) {
		return route.path().startsWith("/ovh-sandbox") && route.method() != RequestMethod.GET;
	}

	/** Path variables replaced by Studio Nord's ids, or harmless dummies. */
	private String concrete(Route route) {
		String path = route.path();
		path = path.replace("/**", "/proof-unknown");
		path = path.replace("{domain}", this.foreign.get("domain"))
			.replace("{serviceName}", this.foreign.get("serviceName"))
			.replace("{accountId}", this.foreign.get("accountId"))
			.replace("{taskId}", this.foreign.get("taskId"));
		if (path.startsWith("/admin/users/")) {
			path = path.replace("{id}", this.foreign.get("user"));
		}
		if (path.startsWith("/batches/")) {
			path = path.replace("{id}", this.foreign.get("batch"));
		}
		if (path.startsWith("/admin/ovh-accounts/")) {
			path = path.replace("{id}", this.foreign.get("accountId"));
		}
		if (path.startsWith("/trades/")) {
			path = path.replace("{id}", this.foreign.get("trade"));
		}
		if (path.startsWith("/clients/")) {
			path = path.replace("{id}", this.foreign.get("client"));
		}
		if (path.startsWith("/consents/")) {
			path = path.replace("{id}", this.foreign.get("consent"));
		}
		if (path.startsWith("/admin/four-eyes/")) {
			path = path.replace("{id}", this.foreign.get("fourEyesChange"));
		}
		if (path.startsWith("/admin/outbox/")) {
			path = path.replace("{id}", this.foreign.get("message"));
		}
		if (path.startsWith("/batches/") || path.startsWith("/domains/")) {
			path = path.replace("{action}", "cancel");
		}
		if (path.startsWith("/nic-changes/")) {
			path = path.replace("{action}", "accept");
		}
		return path.replaceAll("\\{[^}]+}", "1");
	}

	private List<Route> routes() {
		Set<Route> routes = new TreeSet<>((a, b) -> a.key().compareTo(b.key()));
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST);
				}
				for (String pattern : info.getPatternValues()) {
					for (RequestMethod method : methods) {
						if (method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
							continue;
						}
						routes.add(new Route(method, pattern, tenantIds(pattern)));
					}
				}
			}
		}
		return new ArrayList<>(routes);
	}

	/** Whether the path names something that belongs to an agency. */
	private static boolean tenantIds(String pattern) {
		return !pattern.startsWith("/ovh-sandbox") && !pattern.startsWith("/actuator") && pattern.contains("{");
	}

	private static Rule ruleFor(Route route) {
		AntPathMatcher matcher = new AntPathMatcher();
		for (Rule rule : RULES) {
			if ((rule.method() == null || rule.method() == route.method())
					&& (matcher.match(rule.pattern(), route.path()) || rule.pattern().equals(route.path() + "/**"))) {
				return rule;
			}
		}
		throw new IllegalStateException("No rule for " + route.key());
	}

	private String tenantChecksum() {
		StringBuilder all = new StringBuilder();
		List<String> tables = this.jdbc.sql("""
				select table_name from information_schema.columns
				where table_schema = current_schema() and column_name = 'agency_id' order by table_name
				""").query(String.class).list();
		for (String table : tables) {
			all.append(table)
				.append('=')
				.append(this.jdbc
					.sql("select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from " + table
							+ " t where agency_id = :a")
					.param("a", this.nord)
					.query(String.class)
					.single())
				.append('\n');
		}
		all.append("agency=")
			.append(this.jdbc.sql("select a::text from agency a where id = :a")
				.param("a", this.nord)
				.query(String.class)
				.single());
		all.append("\nsandbox=").append(this.jdbc.sql("""
				select md5(coalesce(string_agg(o::text, ',' order by o.kind, o.id), ''))
				from ovh_sandbox.object o where 'sn2000-ovh' = any(o.parties)
				""").query(String.class).single());
		return all.toString();
	}

	/**
	 * OVHcloud calls made so far, by method and path template, so that a difference says
	 * which.
	 */
	private Map<String, Double> ovhCalls() {
		Map<String, Double> calls = new java.util.TreeMap<>();
		// Studio Nord's OVHcloud account only: the other agency's own background work may
		// call OVHcloud meanwhile.
		for (Counter counter : this.meters.find("domaindesk.ovh.calls")
			.tag("application", io.domaindesk.ovh.OvhClients.applicationTag("dd-demo-ak-nord"))
			.counters()) {
			calls.merge(counter.getId().getTag("method") + " " + counter.getId().getTag("path"), counter.count(),
					Double::sum);
		}
		return calls;
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).param("a", this.nord).query(Long.class).single();
	}

	private static String shortRoles(Set<Role> roles) {
		Set<String> names = new LinkedHashSet<>();
		for (Role role : Role.values()) {
			if (roles.contains(role)) {
				names.add(switch (role) {
					case PLATFORM_ADMIN -> "platform";
					case AGENCY_ADMIN -> "admin";
					case STAFF -> "staff";
					case AUDITOR -> "auditor";
				});
			}
		}
		return String.join(",", names);
	}

	private static Rule rule(String pattern, RequestMethod method, Role... roles) {
		return rule(pattern, method, false, roles);
	}

	private static Rule rule(String pattern, RequestMethod method, boolean basicAuth, Role... roles) {
		return new Rule(pattern, method, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), basicAuth);
	}

	record Route(RequestMethod method, String path, boolean tenantIds) {

		String key() {
			return this.method + " " + this.path;
		}

	}

}
