package io.domaindesk.contacts;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * {@code /nic-changes} on an agency of its own: who must act, time left, filters and
 * paging.
 */
@IntegrationTest
class TrackingPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Test
	void tasksShowWhoMustActAndTimeLeftAndArePaged() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long agency = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Tracking " + suffix)
			.query(Long.class)
			.single();
		long account = this.jdbc.sql("""
				insert into ovh_account (agency_id, label, endpoint, application_key)
				values (:a, 'OVHcloud', 'http://127.0.0.1:9/1.0', 'unused') returning id
				""").param("a", agency).query(Long.class).single();
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Tracker', '{noop}x', 'STAFF')
				""").param("a", agency).param("u", "tracker-" + suffix).update();
		for (int i = 0; i < 55; i++) {
			this.jdbc.sql("""
					insert into contact_change_task (ovh_account_id, task_id, agency_id, domain_name, contact_types,
					  from_account, to_account, state, date_request)
					values (:acc, :t, :a, :d, 'contactTech', 'ab11111-ovh', 'cd22222-ovh', :s,
					  now() - (:age || ' hours')::interval)
					""")
				.param("acc", account)
				.param("t", 5_000_000L + i)
				.param("a", agency)
				.param("d", "tracked-" + i + ".fr")
				.param("s", (i == 0) ? "done" : "todo")
				.param("age", (i == 1) ? "150" : "2")
				.update();
		}
		DeskPrincipal staff = this.users.findByUsername("tracker-" + suffix).orElseThrow();

		assertThat(this.mvc.get().uri("/nic-changes").with(user(staff))).hasStatusOk()
			.bodyText()
			.contains("54 contact-change tasks")
			// Keyset paging: the next page starts after the last task shown.
			.contains("before=" + account + "-")
			.doesNotContain(">tracked-1.fr<")
			.contains("ab11111-ovh and cd22222-ovh (e-mail)")
			.doesNotContain("tracked-0.fr");
		// The one asked 150 hours ago has less than a day left, and says so.
		assertThat(this.mvc.get().uri("/nic-changes?q=tracked-1.fr").with(user(staff))).bodyText()
			.contains("text-danger fw-semibold");
		assertThat(this.mvc.get().uri("/nic-changes?state=done").with(user(staff))).bodyText()
			.contains("tracked-0.fr")
			.contains("1 contact-change tasks");
		// The oldest task is on the last page, read from the other end.
		assertThat(this.mvc.get().uri("/nic-changes?last=true").with(user(staff))).bodyText()
			.contains(">tracked-1.fr<");
	}

}
