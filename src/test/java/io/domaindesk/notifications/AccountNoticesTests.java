package io.domaindesk.notifications;

import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The "Language and notices" section of {@code /account}: every user, auditors included,
 * chooses an address, a language and which notices they get; an unticked box is off.
 */
@IntegrationTest
class AccountNoticesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Autowired
	NoticeSettings settings;

	@Test
	void aUserChoosesTheirLanguageAndNotices() {
		DeskPrincipal dora = this.users.findByUsername("dora").orElseThrow();
		assertThat(this.mvc.get().uri("/account").with(user(dora))).hasStatusOk()
			.bodyText()
			.contains("id=\"account-notices\"", "name=\"weeklyDigest\"");

		// A bad address is refused next to the field, and what was typed stays.
		assertThat(this.mvc.post()
			.uri("/account/notices")
			.param("email", "not an address")
			.param("language", "en")
			.param("weeklyDigest", "true")
			.with(user(dora))
			.with(csrf())).hasStatusOk().bodyText().contains("is-invalid", "value=\"not an address\"");

		assertThat(this.mvc.post()
			.uri("/account/notices")
			.param("email", "dora@agency.test")
			.param("language", "en")
			.param("taskReminders", "true")
			.with(user(dora))
			.with(csrf())).hasRedirectedUrl("/account");
		NoticeSettings.Settings saved = this.settings.of(dora.userId());
		assertThat(saved)
			.isEqualTo(new NoticeSettings.Settings(dora.userId(), "dora@agency.test", "en", false, true, false));
	}

}
