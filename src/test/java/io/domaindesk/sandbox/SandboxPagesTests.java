package io.domaindesk.sandbox;

import io.domaindesk.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mailbox and control pages.
 */
@IntegrationTest
class SandboxPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SandboxControl control;

	@Autowired
	DeskUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DomainTasks domainTasks;

	@Autowired
	Domains domains;

	@Autowired
	ObjectStore store;

	@Autowired
	Seeder seeder;

	@Autowired
	Credentials credentials;

	@Autowired
	SandboxClock clock;

	private DeskPrincipal principal(String username) {
		return this.users.findByUsername(username).orElseThrow();
	}

	@AfterEach
	void reset() {
		this.control.reset();
	}

	@Test
	void mailboxListsMailsWithTheirButtonsAndNoScript() throws Exception {
		String html = this.mvc.perform(get("/ovh-sandbox/mailbox").with(user(principal("root"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Confirm as old owner").contains("Accept as new contact").contains("_csrf");
		assertThat(html).doesNotContain("<script").doesNotContain("onclick=");
	}

	@Test
	void mailboxButtonAnswersWithTheToken() throws Exception {
		// An owner change on a domain of its own, so the token is live whatever other
		// tests did with theirs and no other test finds a trade on its domain; the new
		// owner id only needs to exist in the mail.
		String domainName = new SandboxFixtures(this.store, this.seeder, this.domainTasks, this.credentials,
				this.control, this.clock)
			.domain("ae1000-ovh");
		long taskId = this.domainTasks
			.createTrade(this.domains.get(domainName), 424242L, null, java.time.Instant.now(), "ae1000-ovh")
			.path("id")
			.asLong();
		SandboxMail mail = this.control.mails(null)
			.stream()
			.filter((m) -> "domainTrade".equals(m.kind()) && Long.valueOf(taskId).equals(m.taskId())
					&& m.token() != null)
			.findFirst()
			.orElseThrow();
		this.mvc
			.perform(post("/ovh-sandbox/mailbox/trade/" + mail.taskId()).with(csrf())
				.with(user(principal("bob")))
				.param("token", mail.token())
				.param("confirm", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "Owner change " + mail.taskId() + " confirmed with this token."))
			.andExpect(flash().attributeCount(1));
		// The second click reuses a burnt token: the page says so instead of failing.
		this.mvc
			.perform(post("/ovh-sandbox/mailbox/trade/" + mail.taskId()).with(csrf())
				.with(user(principal("bob")))
				.param("token", mail.token())
				.param("confirm", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "Invalid token"))
			.andExpect(flash().attributeCount(1));
	}

	@Test
	void controlPageNeedsAnAdminAndInjectsFaults() throws Exception {
		this.mvc.perform(get("/ovh-sandbox/control")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/ovh-sandbox/control").with(user("root").roles("PLATFORM_ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("SERVICE_UNAVAILABLE")));
		this.mvc
			.perform(post("/ovh-sandbox/control/faults").with(user("root").roles("PLATFORM_ADMIN"))
				.with(csrf())
				.param("route", "GET /domain/**")
				.param("kind", "SERVICE_UNAVAILABLE")
				.param("rate", "50")
				.param("latencyMs", "10"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.control.faults()).singleElement().satisfies((fault) -> assertThat(fault.rate()).isEqualTo(50));
	}

	@Test
	void eachUserReadsOnlyTheMailOfTheirAgencysAccountsAndAnonymousVisitorsNone() throws Exception {
		// Tokens mailed about Agence Exemple's account (ae1000-ovh) and not Studio
		// Nord's.
		java.util.List<String> exemple = this.jdbc.sql("""
				select token from ovh_sandbox.mail where token is not null
				and 'ae1000-ovh' = any(audience) and not 'sn2000-ovh' = any(audience)""").query(String.class).list();
		assertThat(exemple).isNotEmpty();
		String carol = mailbox("carol");
		assertThat(exemple).noneSatisfy((token) -> assertThat(carol).contains(token));
		// (carol may see ae1000-ovh named: a change Studio Nord requested mails the
		// current contact too, and the requesting agency follows it.)
		// The positive control: the same page shows them to Agence Exemple's users, and
		// shows carol her own agency's mail.
		assertThat(exemple).anySatisfy((token) -> assertThat(mailbox("bob")).contains(token));
		assertThat(exemple).anySatisfy((token) -> assertThat(mailbox("alice")).contains(token));
		assertThat(carol).contains("sn2000-ovh");
		this.mvc.perform(get("/ovh-sandbox/mailbox")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/ovh-sandbox/mailbox").param("recipient", "ae1000-ovh").with(user(principal("carol"))))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<code>" + exemple.get(0)))));
	}

	@Test
	void theControlPageIsForPlatformAdminsWithBoundedLatency() throws Exception {
		this.mvc.perform(get("/ovh-sandbox/control").with(user(principal("alice")))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/ovh-sandbox/control/faults").with(user(principal("alice")))
				.with(csrf())
				.param("route", "GET /domain/**")
				.param("kind", "LATENCY")
				.param("latencyMs", "10"))
			.andExpect(status().isForbidden());
		for (String latency : java.util.List.of("3600000", "-5", "60001")) {
			this.mvc
				.perform(post("/ovh-sandbox/control/faults").with(user(principal("root")))
					.with(csrf())
					.param("route", "GET /domain/**")
					.param("kind", "LATENCY")
					.param("latencyMs", latency))
				.andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
					.attributeExists("error"));
		}
		assertThat(this.control.faults()).isEmpty();
	}

	private String mailbox(String username) throws Exception {
		return this.mvc.perform(get("/ovh-sandbox/mailbox").with(user(principal(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
