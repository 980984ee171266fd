package io.domaindesk.trades;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Four eyes means two people (issue #12): turning the rule off needs a second agency
 * admin when the agency has one, turning it on is immediate, and every admin of the
 * agency sees the change on the dashboard. Each test makes its own agency.
 */
@IntegrationTest
class FourEyesChangeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	private long agency;

	private String suffix;

	@BeforeEach
	void newAgency() {
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
		this.agency = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Four eyes " + this.suffix)
			.query(Long.class)
			.single();
	}

	@Test
	void aSingleAdminTurnsItOffAtOnceAndTheAuditSaysWhy() {
		DeskPrincipal only = admin("only");
		member("staff", "STAFF");
		assertThat(setFourEyes(only, false)).flash().containsEntry("flash", "trade.settings.fourEyes.offOnlyAdmin");
		assertThat(fourEyes()).isFalse();
		assertThat(lastSettingsAudit()).contains("only agency admin");
		assertThat(dashboard(only)).contains("Four eyes turned off by " + only.getUsername());
	}

	@Test
	void withASecondAdminTurningItOffWaitsForThatAdminsConfirmation() {
		DeskPrincipal asker = admin("asker");
		DeskPrincipal other = admin("other");
		assertThat(setFourEyes(asker, false)).flash().containsEntry("flash", "trade.settings.fourEyes.requested");
		assertThat(fourEyes()).isTrue();
		long change = pendingChange();

		// The requester cannot confirm their own request, however they post it.
		assertThat(dashboard(asker)).contains(asker.getUsername() + " asks to turn four eyes off")
			.doesNotContain("/admin/four-eyes/" + change + "/confirm");
		assertThat(post(asker, change, "confirm")).flash()
			.containsEntry("flashError", "trade.settings.fourEyes.ownRequest");
		assertThat(fourEyes()).isTrue();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where agency_id = :a and action = 'trade.settings.confirm'
				  and outcome = 'DENIED'
				""").param("a", this.agency).query(Long.class).single()).isOne();

		// The other admin sees it and confirms: then it applies, for both to see.
		assertThat(dashboard(other)).contains(asker.getUsername() + " asks to turn four eyes off")
			.contains("/admin/four-eyes/" + change + "/confirm");
		assertThat(post(other, change, "confirm")).flash().containsEntry("flash", "trade.settings.fourEyes.confirmed");
		assertThat(fourEyes()).isFalse();
		assertThat(lastSettingsAudit()).contains("confirmed by a second admin", asker.getUsername());
		String applied = "asked by " + asker.getUsername() + ", confirmed by " + other.getUsername();
		assertThat(dashboard(asker)).contains(applied);
		assertThat(dashboard(other)).contains(applied);

		// Confirming twice changes nothing; dismissing hides it from that admin only.
		assertThat(post(other, change, "confirm")).flash()
			.containsEntry("flashError", "trade.settings.fourEyes.notPending");
		assertThat(post(asker, change, "dismiss")).hasRedirectedUrl("/admin");
		assertThat(dashboard(asker)).doesNotContain(applied);
		assertThat(dashboard(other)).contains(applied);
	}

	@Test
	void turningItOnIsImmediateAndWithdrawsAWaitingRequestWhichNoOtherAgencyCanTouch() {
		DeskPrincipal asker = admin("asker");
		DeskPrincipal other = admin("other");
		this.jdbc.sql("update agency set four_eyes_trades = false where id = :a").param("a", this.agency).update();
		assertThat(setFourEyes(asker, true)).flash().containsEntry("flash", "trade.settings.fourEyes.on");
		assertThat(fourEyes()).isTrue();
		assertThat(dashboard(other)).contains("Four eyes turned on by " + asker.getUsername());

		assertThat(setFourEyes(asker, false)).flash().containsEntry("flash", "trade.settings.fourEyes.requested");
		long change = pendingChange();
		DeskPrincipal alice = this.users.findByUsername("alice").orElseThrow();
		assertThat(post(alice, change, "confirm")).hasStatus(404);
		assertThat(post(alice, change, "cancel")).hasStatus(404);
		assertThat(fourEyes()).isTrue();

		assertThat(setFourEyes(other, true)).flash().containsEntry("flash", "trade.settings.fourEyes.onWithdrawn");
		assertThat(post(other, change, "confirm")).flash()
			.containsEntry("flashError", "trade.settings.fourEyes.notPending");
		assertThat(fourEyes()).isTrue();
	}

	private MvcTestResult setFourEyes(DeskPrincipal admin, boolean on) {
		return this.mvc.post()
			.uri("/trades/settings")
			.param("fourEyes", Boolean.toString(on))
			.with(user(admin))
			.with(csrf())
			.exchange();
	}

	private MvcTestResult post(DeskPrincipal admin, long change, String action) {
		return this.mvc.post()
			.uri("/admin/four-eyes/{id}/{action}", change, action)
			.with(user(admin))
			.with(csrf())
			.exchange();
	}

	private String dashboard(DeskPrincipal admin) {
		MvcTestResult page = this.mvc.get().uri("/admin").with(user(admin)).exchange();
		assertThat(page).hasStatusOk();
		try {
			return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean fourEyes() {
		return this.jdbc.sql("select four_eyes_trades from agency where id = :a")
			.param("a", this.agency)
			.query(Boolean.class)
			.single();
	}

	private long pendingChange() {
		return this.jdbc.sql("select id from four_eyes_change where agency_id = :a and state = 'PENDING'")
			.param("a", this.agency)
			.query(Long.class)
			.single();
	}

	private String lastSettingsAudit() {
		return this.jdbc.sql("""
				select details::text from audit_event where agency_id = :a and action = 'trade.settings'
				order by id desc limit 1
				""").param("a", this.agency).query(String.class).single();
	}

	private DeskPrincipal admin(String prefix) {
		return member(prefix, "AGENCY_ADMIN");
	}

	private DeskPrincipal member(String prefix, String role) {
		String name = prefix + "-" + this.suffix;
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, :u, '{noop}x', :r)
				""").param("a", this.agency).param("u", name).param("r", role).update();
		return this.users.findByUsername(name).orElseThrow();
	}

}
