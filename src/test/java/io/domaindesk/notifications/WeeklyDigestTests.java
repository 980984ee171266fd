package io.domaindesk.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.AgencyMembers;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.TestMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest lists the agency's expiring domains, operations in progress, drift
 * and failed batches; a user who turned it off gets none; a second run in the same week
 * sends nothing new.
 */
@IntegrationTest
class WeeklyDigestTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WeeklyDigest digest;

	@Autowired
	NoticeSettings settings;

	@Autowired
	AgencyMembers members;

	@Test
	void theDigestSaysWhatHappenedAndHonoursTheOptOut() {
		long agency = this.jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		long account = this.jdbc.sql("select min(id) from ovh_account where agency_id = :a")
			.param("a", agency)
			.query(Long.class)
			.single();
		long alice = userId("alice");
		long bob = userId("bob");
		long dora = userId("dora");
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String aliceAddress = "alice-" + tag + "@agency.test";
		String bobAddress = "bob-" + tag + "@agency.test";
		String doraAddress = "dora-" + tag + "@agency.test";
		this.settings.save(new NoticeSettings.Settings(alice, aliceAddress, "fr", false, true, true));
		this.settings.save(new NoticeSettings.Settings(bob, bobAddress, "en", true, true, true));
		this.settings.save(new NoticeSettings.Settings(dora, doraAddress, "fr", true, true, true));

		String expiring = "0digest-" + tag + ".fr";
		long domain = this.jdbc.sql("""
				insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, state, expires_at,
				  pending_operations, search_text)
				values (:a, :acc, :n, :n, 'fr', 'ok', now() + interval '1 minute', 1, :n) returning id
				""").param("a", agency).param("acc", account).param("n", expiring).query(Long.class).single();
		this.jdbc.sql("""
				insert into domain_drift (agency_id, domain_id, field, old_value, new_value)
				values (:a, :d, 'contactTech', 'aa1-ovh', 'zz9-ovh')
				""").param("a", agency).param("d", domain).update();
		long batch = this.jdbc.sql("""
				insert into nic_change_batch (agency_id, created_by, status, total, finished_at)
				values (:a, 'bob', 'DONE', 3, now()) returning id
				""").param("a", agency).query(Long.class).single();
		this.jdbc.sql("""
				insert into nic_change (agency_id, batch_id, ovh_account_id, domain_name, status, created_by)
				values (:a, :b, :acc, :n, 'FAILED', 'bob')
				""").param("a", agency).param("b", batch).param("acc", account).param("n", expiring).update();

		Instant now = Instant.now();
		this.digest.run(agency, this.members.enabledOf(agency), now);

		MimeMessage english = TestMail.latestTo(bobAddress);
		assertThat(TestMail.subject(english)).startsWith("DomainDesk weekly digest (");
		String text = TestMail.text(english);
		assertThat(text).contains("Hello Bob Lefebvre", "within 60 days", "- " + expiring + " (",
				"with an operation in progress", "outside DomainDesk this week", expiring + " (contactTech",
				"Batch " + batch + " by bob: 1 failed of 3", "/account");
		assertThat(TestMail.text(TestMail.latestTo(doraAddress))).contains("Bonjour Dora Petit", "d’ici 60 jours");

		// Alice turned it off; a second run the same week writes nothing new.
		assertThat(this.digest.run(agency, this.members.enabledOf(agency), now)).isZero();
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> TestMail.to(aliceAddress).isEmpty() && TestMail.to(bobAddress).size() == 1
					&& TestMail.to(doraAddress).size() == 1);
	}

	private long userId(String username) {
		return this.jdbc.sql("select id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
