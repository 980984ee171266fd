package io.domaindesk.agency;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP over real HTTP: enrolment on {@code /account}, then every login asks for a code
 * (each code once), recovery codes work once, and wrong codes end the session.
 */
@IntegrationTest
class SecondFactorTests {

	static final String PASSWORD = "correct horse battery staple";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@LocalServerPort
	int port;

	private final Totp totp = new Totp();

	@Test
	void aUserEnrolsThenEveryLoginAsksForACodeUsableOnce() {
		String name = newUser("totp");
		BrowserSession me = BrowserSession.loggedIn(this.port, name, PASSWORD);
		String secret = startEnrolment(me);
		assertThat(me.post("/account/totp/confirm", Map.of("code", "000000")).statusCode()).isEqualTo(302);
		assertThat(me.get("/account").body()).contains("This code is not valid").contains("id=\"totp-off\"");
		me.post("/account/totp/confirm", Map.of("code", code(secret, 0)));
		String page = me.get("/account").body();
		assertThat(page).contains("id=\"totp-on\"").contains("id=\"recovery-codes\"");
		List<String> recovery = recoveryCodes(page);
		assertThat(recovery).hasSize(10);
		assertThat(me.get("/account").body()).as("shown once").doesNotContain("id=\"recovery-codes\"");
		assertThat(this.jdbc.sql("select count(*) from user_recovery_code where code_sha256 like '%-%'")
			.query(Long.class)
			.single()).isZero();

		BrowserSession next = BrowserSession.loggedIn(this.port, name, PASSWORD);
		HttpResponse<String> domains = next.get("/domains");
		assertThat(domains.statusCode()).isEqualTo(302);
		assertThat(domains.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).contains("/login/totp?"));
		assertThat(next.get("/login/totp").body()).contains("name=\"code\"").doesNotContain("totp-secret");
		String nextCode = code(secret, 30);
		HttpResponse<String> verified = next.post("/login/totp", Map.of("code", nextCode));
		assertThat(verified.statusCode()).isEqualTo(302);
		assertThat(next.get("/domains").statusCode()).isEqualTo(200);

		BrowserSession replay = BrowserSession.loggedIn(this.port, name, PASSWORD);
		replay.get("/login/totp");
		assertThat(replay.post("/login/totp", Map.of("code", nextCode)).body()).as("a code works once")
			.contains("This code is not valid");
		assertThat(replay.post("/login/totp", Map.of("code", recovery.get(0).toLowerCase())).statusCode())
			.isEqualTo(302);
		assertThat(replay.get("/domains").statusCode()).isEqualTo(200);

		BrowserSession again = BrowserSession.loggedIn(this.port, name, PASSWORD);
		again.get("/login/totp");
		assertThat(again.post("/login/totp", Map.of("code", recovery.get(0))).body()).as("a recovery code works once")
			.contains("This code is not valid");
		assertThat(lastAudit(name)).isEqualTo("login.second-factor/FAILURE");
	}

	@Test
	void wrongCodesEndTheSession() {
		String name = newUser("guess");
		BrowserSession me = BrowserSession.loggedIn(this.port, name, PASSWORD);
		String secret = startEnrolment(me);
		me.post("/account/totp/confirm", Map.of("code", code(secret, 0)));

		BrowserSession guesser = BrowserSession.loggedIn(this.port, name, PASSWORD);
		guesser.get("/login/totp");
		for (int i = 1; i < SecondFactorController.MAX_ATTEMPTS; i++) {
			assertThat(guesser.post("/login/totp", Map.of("code", "00000" + i)).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> last = guesser.post("/login/totp", Map.of("code", "000009"));
		assertThat(last.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(guesser.get("/domains").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

		// The wrong codes counted like wrong passwords: from this address the account is
		// now locked, even for the right password (a new session would bring new codes).
		BrowserSession again = new BrowserSession(this.port);
		again.get("/login");
		assertThat(
				again.post("/login", Map.of("username", name, "password", PASSWORD)).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

	private String startEnrolment(BrowserSession session) {
		session.get("/account");
		session.post("/account/totp/start", Map.of());
		String page = session.get("/account").body();
		assertThat(page).contains("<svg").contains("id=\"totp-enrol\"");
		Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
		assertThat(secret.find()).isTrue();
		return secret.group(1);
	}

	private String code(String secret, long offsetSeconds) {
		return this.totp.code(new Base32().decode(secret), Instant.now().plusSeconds(offsetSeconds));
	}

	private static List<String> recoveryCodes(String page) {
		Matcher matcher = Pattern.compile(">([A-Z2-7]{5}(?:-[A-Z2-7]{5}){4})<").matcher(page);
		List<String> codes = new ArrayList<>();
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	private String newUser(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values ((select id from agency where name = 'Agence Exemple'), :name, 'Test user', :hash, 'STAFF')
				""").param("name", name).param("hash", this.passwordEncoder.encode(PASSWORD)).update();
		return name;
	}

	private String lastAudit(String actor) {
		return this.jdbc
			.sql("select action || '/' || outcome from audit_event where actor = :a order by id desc limit 1")
			.param("a", actor)
			.query(String.class)
			.single();
	}

}
