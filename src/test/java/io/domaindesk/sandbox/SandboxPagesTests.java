package io.domaindesk.sandbox;

import io.domaindesk.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

	@AfterEach
	void reset() {
		this.control.reset();
	}

	@Test
	void mailboxListsMailsWithTheirButtonsAndNoScript() throws Exception {
		String html = this.mvc.perform(get("/ovh-sandbox/mailbox"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Confirm as old owner").contains("Accept as new contact").contains("_csrf");
		assertThat(html).doesNotContain("<script").doesNotContain("onclick=");
	}

	@Test
	void mailboxButtonAnswersWithTheToken() throws Exception {
		SandboxMail mail = this.control.mails(null)
			.stream()
			.filter((m) -> "domainTrade".equals(m.kind()) && m.token() != null)
			.findFirst()
			.orElseThrow();
		this.mvc
			.perform(post("/ovh-sandbox/mailbox/trade/" + mail.taskId()).with(csrf())
				.param("token", mail.token())
				.param("confirm", "true"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/ovh-sandbox/mailbox/trade/" + mail.taskId()).with(csrf())
				.param("token", mail.token())
				.param("confirm", "true"))
			.andExpect(status().is3xxRedirection());
		// The second click reuses a burnt token: the page says so instead of failing.
		assertThat(this.control.mailsForTask(mail.taskId())).isNotEmpty();
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

}
