package io.domaindesk.agency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * {@code /account} and what ends a session: a user changes their own password; a password
 * chosen by an admin must be replaced first; disabling, resetting or changing the role of
 * a user ends their open sessions at once.
 */
@IntegrationTest
class AccountTests {

	static final String PASSWORD = "correct horse battery staple";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@LocalServerPort
	int port;

	@Test
	void aUserChangesTheirOwnPasswordAndTheirOtherSessionsEnd() {
		String name = newUser("self", "STAFF");
		BrowserSession other = BrowserSession.loggedIn(this.port, name, PASSWORD);
		BrowserSession me = BrowserSession.loggedIn(this.port, name, PASSWORD);
		HttpResponse<String> page = me.get("/account");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"account-password\"").contains("id=\"account-totp\"");

		assertThat(change(me, "not my password", "a fresh long passphrase", "a fresh long passphrase").body())
			.contains("This is not your current password.");
		HttpResponse<String> common = change(me, PASSWORD, "1qaz2wsx3edc", "1qaz2wsx3edc");
		assertThat(common.body()).contains("too common").doesNotContain("1qaz2wsx3edc");
		assertThat(change(me, PASSWORD, "a fresh long passphrase", "another long passphrase").body())
			.contains("The two new passwords differ.");

		HttpResponse<String> done = change(me, PASSWORD, "a fresh long passphrase", "a fresh long passphrase");
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(me.get("/account").body()).contains("Password changed.");
		assertThat(me.get("/domains").statusCode()).isEqualTo(200);
		assertThat(other.get("/domains").statusCode()).as("the other session ended").isEqualTo(302);
		BrowserSession.loggedIn(this.port, name, "a fresh long passphrase");
		assertThat(lastAudit(name)).isEqualTo("login.success/SUCCESS");
	}

	@Test
	void aUserSeesTheirOpenSessionsAndEndsOneOfThemOrAllTheOthers() {
		String name = newUser("sessions", "STAFF");
		BrowserSession phone = BrowserSession.loggedIn(this.port, name, PASSWORD);
		BrowserSession laptop = BrowserSession.loggedIn(this.port, name, PASSWORD);
		BrowserSession desk = BrowserSession.loggedIn(this.port, name, PASSWORD);
		String someoneElse = newUser("stranger", "STAFF");
		BrowserSession stranger = BrowserSession.loggedIn(this.port, someoneElse, PASSWORD);

		Document page = Jsoup.parse(desk.get("/account").body());
		List<String> handles = page.select("#open-sessions tr[data-session]").eachAttr("data-session");
		assertThat(handles).as("three sessions of this user, none of another").hasSize(3).doesNotHaveDuplicates();
		assertThat(page.select("#open-sessions tbody tr").first().text()).contains("This session");
		assertThat(page.select("#open-sessions").text()).contains("127.0.0.1");
		assertThat(page.html()).as("no session id on the page")
			.doesNotContain(desk.cookie("SESSION").orElseThrow())
			.doesNotContain(phone.cookie("SESSION").orElseThrow());

		// A handle of another user's session, or a made-up one, ends nothing.
		String strangersHandle = Jsoup.parse(stranger.get("/account").body())
			.select("#open-sessions tr[data-session]")
			.first()
			.attr("data-session");
		desk.get("/account");
		assertThat(desk.post("/account/sessions/" + strangersHandle + "/end", Map.of()).statusCode()).isEqualTo(404);
		assertThat(desk.post("/account/sessions/0123456789abcdef/end", Map.of()).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/domains").statusCode()).as("the stranger's session lives on").isEqualTo(200);

		// The current session comes first; the second row is the phone's or the laptop's.
		String otherHandle = handles.get(1);
		desk.get("/account");
		desk.post("/account/sessions/" + otherHandle + "/end", Map.of());
		assertThat(desk.get("/account").body()).contains("Session ended.");
		assertThat(openSessions(name)).isEqualTo(2);
		assertThat(phone.get("/domains").statusCode() + laptop.get("/domains").statusCode())
			.as("exactly one of the two other sessions ended (302 + 200)")
			.isEqualTo(502);

		desk.get("/account");
		desk.post("/account/sessions/end-others", Map.of());
		assertThat(desk.get("/account").body()).contains("One other session ended.");
		assertThat(openSessions(name)).isEqualTo(1);
		assertThat(phone.get("/domains").statusCode()).isEqualTo(302);
		assertThat(laptop.get("/domains").statusCode()).isEqualTo(302);
		assertThat(desk.get("/domains").statusCode()).as("the current session is never ended here").isEqualTo(200);
		assertThat(lastAudit(name)).isEqualTo("account.sessions.ended/SUCCESS");
	}

	@Test
	void aPasswordSetByAnAdminMustBeChangedAtFirstLogin() {
		String name = "first-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(this.mvc.post()
			.uri("/admin/users")
			.param("username", name)
			.param("displayName", "New hire")
			.param("role", "STAFF")
			.param("password", "chosen by the admin 42")
			.with(user(principal("alice")))
			.with(csrf())).hasStatus3xxRedirection();
		BrowserSession newcomer = BrowserSession.loggedIn(this.port, name, "chosen by the admin 42");
		HttpResponse<String> domains = newcomer.get("/domains");
		assertThat(domains.statusCode()).isEqualTo(302);
		assertThat(domains.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		assertThat(newcomer.get("/account").body()).contains("id=\"password-must-change\"");

		change(newcomer, "chosen by the admin 42", "only I know this one", "only I know this one");
		assertThat(newcomer.get("/domains").statusCode()).isEqualTo(200);
		assertThat(newcomer.get("/account").body()).doesNotContain("id=\"password-must-change\"");
	}

	@Test
	void aDisabledUsersOpenSessionIsRejectedOnItsNextRequest() {
		String name = newUser("disableme", "STAFF");
		BrowserSession victim = BrowserSession.loggedIn(this.port, name, PASSWORD);
		assertThat(victim.get("/domains").statusCode()).isEqualTo(200);
		assertThat(this.mvc.post()
			.uri("/admin/users/{id}/disable", userId(name))
			.with(user(principal("alice")))
			.with(csrf())).hasStatus3xxRedirection();
		HttpResponse<String> next = victim.get("/domains");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(openSessions(name)).isZero();
	}

	/** Sessions have an absolute lifetime (12 hours by default), however active. */
	@Test
	void aSessionOlderThanItsAbsoluteLifetimeEnds() {
		String name = newUser("longday", "STAFF");
		BrowserSession session = BrowserSession.loggedIn(this.port, name, PASSWORD);
		assertThat(session.get("/domains").statusCode()).isEqualTo(200);
		this.jdbc.sql("update spring_session set creation_time = creation_time - :age where principal_name = :u")
			.param("age", java.time.Duration.ofHours(12).plusMinutes(1).toMillis())
			.param("u", name)
			.update();
		HttpResponse<String> next = session.get("/domains");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
		assertThat(openSessions(name)).isZero();
	}

	@Test
	void aPasswordResetOrARoleChangeEndsTheUsersSessions() {
		String name = newUser("resetme", "STAFF");
		BrowserSession before = BrowserSession.loggedIn(this.port, name, PASSWORD);
		this.mvc.post()
			.uri("/admin/users/{id}/password", userId(name))
			.param("password", "reset by the admin 42")
			.with(user(principal("alice")))
			.with(csrf())
			.exchange();
		assertThat(before.get("/domains").statusCode()).isEqualTo(302);

		BrowserSession auditor = BrowserSession.loggedIn(this.port, name, "reset by the admin 42");
		assertThat(openSessions(name)).isEqualTo(1);
		assertThat(this.mvc.post()
			.uri("/admin/users/{id}/role", userId(name))
			.param("role", "AUDITOR")
			.with(user(principal("alice")))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(auditor.get("/account").statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select role from app_user where username = :u")
			.param("u", name)
			.query(String.class)
			.single()).isEqualTo("AUDITOR");
		assertThat(openSessions(name)).isZero();
	}

	private HttpResponse<String> change(BrowserSession session, String current, String fresh, String again) {
		session.get("/account");
		return session.post("/account/password",
				Map.of("currentPassword", current, "newPassword", fresh, "confirmation", again));
	}

	private String newUser(String prefix, String role) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values ((select id from agency where name = 'Agence Exemple'), :name, 'Test user', :hash, :role)
				""")
			.param("name", name)
			.param("hash", this.passwordEncoder.encode(PASSWORD))
			.param("role", role)
			.update();
		return name;
	}

	private long userId(String name) {
		return this.jdbc.sql("select id from app_user where username = :u").param("u", name).query(Long.class).single();
	}

	private long openSessions(String name) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :u")
			.param("u", name)
			.query(Long.class)
			.single();
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
