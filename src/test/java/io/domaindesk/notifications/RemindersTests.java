package io.domaindesk.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.sandbox.ContactChangeControl;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.TestMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Reminders go to the staff member who started the task or trade, counted from the task's
 * real creation date (OVHcloud's {@code dateRequest}, which the contact-change task of
 * the schema has instead of a {@code creationDate}), once each.
 */
@IntegrationTest
class RemindersTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reminders reminders;

	@Autowired
	NoticeSettings settings;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Autowired
	ContactChangeControl tasks;

	@Autowired
	SandboxControl sandbox;

	private long agency;

	private long account;

	private long bob;

	private String address;

	@BeforeEach
	void bobHasAnAddress() {
		this.agency = this.jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		this.account = this.jdbc.sql("select min(id) from ovh_account where agency_id = :a")
			.param("a", this.agency)
			.query(Long.class)
			.single();
		this.bob = this.jdbc.sql("select id from app_user where username = 'bob'").query(Long.class).single();
		this.address = "bob-" + UUID.randomUUID() + "@agency.test";
		this.settings.save(new NoticeSettings.Settings(this.bob, this.address, "en", true, true, true));
	}

	/**
	 * Bob starts two changes here; at OVHcloud one was asked five days ago, the other
	 * yesterday (asked in the Control Panel, or recorded here later than OVHcloud created
	 * it). The app learns that only from its own poll, without Iceberg: the lists then
	 * carry ids, and a task it already holds is not read again unless it must be.
	 */
	@Test
	void aTaskCreatedFiveDaysAgoIsRemindedOnceAndOneCreatedYesterdayIsNot() {
		DeskPrincipal staff = this.users.findByUsername("bob").orElseThrow();
		DemoInventory.synced(this.jdbc, this.mvc, staff);
		List<String> domains = DemoInventory.reserve(this.jdbc, this.agency, "ae1000-ovh", 2);
		String old = domains.get(0);
		String recent = domains.get(1);
		long oldTask = startTechChange(staff, old);
		long recentTask = startTechChange(staff, recent);
		try {
			this.tasks.requestedAt(oldTask, Instant.now().minus(Duration.ofDays(5)));
			this.tasks.requestedAt(recentTask, Instant.now().minus(Duration.ofDays(1)));
			this.sandbox.setIcebergEnabled(false);
			assertThat(this.mvc.post().uri("/nic-changes/refresh").with(user(staff)).with(csrf()))
				.hasStatus3xxRedirection();

			this.reminders.run(Instant.now());
			MimeMessage message = TestMail.latestTo(this.address);
			assertThat(TestMail.subject(message)).isEqualTo("Contact change for " + old + " expires in 2 days");
			assertThat(TestMail.text(message)).contains(old, "/nic-changes");

			this.reminders.run(Instant.now());
			Awaitility.await()
				.during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> TestMail.to(this.address).size() == 1);
			assertThat(TestMail.to(this.address)).noneMatch((m) -> TestMail.subject(m).contains(recent));
		}
		finally {
			this.sandbox.setIcebergEnabled(true);
			this.tasks.settle(oldTask, "aborted");
			this.tasks.settle(recentTask, "aborted");
			this.mvc.post().uri("/nic-changes/refresh").with(user(staff)).with(csrf()).exchange();
		}
	}

	/**
	 * Starts a change of the tech contact as {@code staff}; returns OVHcloud's task id.
	 */
	private long startTechChange(DeskPrincipal staff, String domain) {
		String to = this.jdbc.sql("""
				select contact_tech from domain
				where agency_id = :a and contact_tech <> 'ae1000-ovh' and contact_tech <> (
				  select contact_tech from domain where agency_id = :a and name = :d)
				order by contact_tech limit 1
				""").param("a", this.agency).param("d", domain).query(String.class).single();
		assertThat(this.mvc.post()
			.uri("/domains/{d}/nic-change", domain)
			.param("contactTech", to)
			.param("step", "confirm")
			.with(user(staff))
			.with(csrf())).hasStatus3xxRedirection();
		return this.jdbc.sql("select task_id from contact_change_task where agency_id = :a and domain_name = :d")
			.param("a", this.agency)
			.param("d", domain)
			.query(Long.class)
			.single();
	}

	@Test
	void aTradeWaitingForTheOwnersForAWeekIsRemindedAndOneWaitingTwoDaysIsNot() {
		String week = "trade-week-" + UUID.randomUUID() + ".fr";
		String days = "trade-days-" + UUID.randomUUID() + ".fr";
		long reminded = trade(week, Instant.now().minus(Duration.ofDays(8)));
		trade(days, Instant.now().minus(Duration.ofDays(2)));

		this.reminders.run(Instant.now());
		MimeMessage message = TestMail.latestTo(this.address);
		assertThat(TestMail.subject(message)).isEqualTo("Trade of " + week + ": waiting for the owners for 7 days");
		assertThat(TestMail.link(message, "/trades/")).endsWith("/trades/" + reminded);
		this.reminders.run(Instant.now());
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> TestMail.to(this.address).size() == 1);
	}

	@Test
	void aUserWhoTurnedTaskRemindersOffGetsNone() {
		this.settings.save(new NoticeSettings.Settings(this.bob, this.address, "en", true, false, true));
		String domain = "reminder-off-" + UUID.randomUUID() + ".fr";
		task(domain, Instant.now().minus(Duration.ofDays(6)), "bob");
		assertThat(this.reminders.run(Instant.now())).isZero();
		assertThat(TestMail.to(this.address)).isEmpty();
		// The task was due: turned back on, the reminder goes.
		this.settings.save(new NoticeSettings.Settings(this.bob, this.address, "en", true, true, true));
		assertThat(this.reminders.run(Instant.now())).isOne();
		assertThat(TestMail.subject(TestMail.latestTo(this.address))).contains(domain);
		assertThat(TestMail.to(this.address)).as("nothing sent while turned off").hasSize(1);
	}

	private void task(String domain, Instant created, String startedBy) {
		long change = this.jdbc.sql("""
				insert into nic_change (agency_id, ovh_account_id, domain_name, to_tech, status, created_by)
				values (:a, :acc, :d, 'xx1-ovh', 'SUBMITTED', :by) returning id
				""")
			.param("a", this.agency)
			.param("acc", this.account)
			.param("d", domain)
			.param("by", startedBy)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into contact_change_task (ovh_account_id, task_id, agency_id, nic_change_id, domain_name,
					  contact_types, from_account, to_account, asking_account, state, date_request)
					values (:acc, :t, :a, :c, :d, 'tech', 'aa1-ovh', 'xx1-ovh', 'aa1-ovh', 'validatingByCustomers', :created)
					""")
			.param("acc", this.account)
			.param("t", 800_000_000L + (UUID.randomUUID().getLeastSignificantBits() & 0xFFFFFFF))
			.param("a", this.agency)
			.param("c", change)
			.param("d", domain)
			.param("created", java.sql.Timestamp.from(created))
			.update();
	}

	private long trade(String domain, Instant taskCreated) {
		return this.jdbc.sql("""
				insert into trade (agency_id, ovh_account_id, domain_name, status, plan_code, pricing_mode, created_by,
				  task_id, task_status, task_created_at)
				values (:a, :acc, :d, 'IN_PROGRESS', 'outgoing-trade', 'default', 'bob', 1, 'todo', :created)
				returning id
				""")
			.param("a", this.agency)
			.param("acc", this.account)
			.param("d", domain)
			.param("created", java.sql.Timestamp.from(taskCreated))
			.query(Long.class)
			.single();
	}

}
