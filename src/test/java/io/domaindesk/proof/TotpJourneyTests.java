package io.domaindesk.proof;

import java.time.Instant;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user turns on two-factor authentication on {@code /account} by scanning (here:
 * reading) the QR code's key, then logs in again with a code the test computes like an
 * authenticator app would.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
@Tag("browser")
class TotpJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void aUserEnrolsOnTheAccountPageAndLogsInWithACode(Browser browser) throws Exception {
		String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values ((select id from agency where name = 'Agence Exemple'), :name, 'Journey user', :hash, 'STAFF')
				""").param("name", name).param("hash", this.passwordEncoder.encode("demo-password")).update();
		browser.base(this.port);
		browser.loginAs(name);
		browser.find("a[href='/account']").click();
		browser.await(d -> browser.path().startsWith("/account"));
		browser.button("Set up an authenticator app").click();
		browser.await(d -> !browser.all("#totp-enrol svg").isEmpty());
		String secret = browser.find("#totp-secret").getText();
		browser.type("#enrol-code", code(secret, Instant.now()));
		browser.button("Turn on").click();
		browser.await(d -> !browser.all("#recovery-codes").isEmpty());
		assertThat(browser.text()).contains("Two-factor authentication is on.");
		assertThat(browser.all("#recovery-codes li")).hasSize(10);

		browser.find("form[action='/logout']").submit();
		browser.await(d -> browser.path().startsWith("/login"));
		browser.type("#username", name);
		browser.type("#password", "demo-password");
		browser.find("#password").submit();
		browser.await(d -> browser.path().startsWith("/login/totp"));
		// The next time step: the enrolment already used the current one.
		browser.type("#code", code(secret, Instant.now().plusSeconds(30)));
		browser.button("Verify").click();
		browser.await(d -> browser.path().startsWith("/domains"));
		assertThat(browser.text()).contains("Journey user");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private static String code(String secret, Instant at) throws Exception {
		return new TimeBasedOneTimePasswordGenerator()
			.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"), at);
	}

}
