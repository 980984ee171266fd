package io.domaindesk.agency;

import java.util.Map;
import java.util.Optional;

import io.domaindesk.security.WebSlice;
import io.domaindesk.support.Html;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /admin/users} and {@code /account}'s password change without a database: the
 * real password policy, refusals beside their field, what was typed kept (passwords
 * never), redirects once done, and who may act.
 */
@WebSlice
@WebMvcTest({ UserAdminController.class, AccountController.class })
@Import({ PasswordPolicy.class, PasswordSection.class })
@MockitoBean(types = { DeskUserRepository.class, CreateUser.class, ManageUser.class, ChangeOwnPassword.class,
		AccountSession.class, SecondFactor.class })
class AccountWebTests {

	private static final String GOOD_PASSWORD = "violet kettle drifts at noon";

	@Autowired
	MockMvc mvc;

	@Autowired
	CreateUser createUser;

	@Autowired
	ChangeOwnPassword changeOwnPassword;

	@Autowired
	AccountSession session;

	private static MockHttpServletRequestBuilder newUser(String username, String displayName, String role,
			String password) {
		return post("/admin/users").param("username", username)
			.param("displayName", displayName)
			.param("role", role)
			.param("password", password)
			.with(user(Principals.agencyAdmin()))
			.with(csrf());
	}

	// Users, by an agency admin.

	@Test
	void aNewUsersBadValuesAreRefusedBesideTheirFieldAndTheTypedOnesKept() throws Exception {
		Html page = Html
			.of(this.mvc.perform(newUser("Bad Name!", "", "STAFF", "short")).andExpect(status().isOk()).andReturn());

		assertThat(page.errorBeside("username")).isNotBlank();
		assertThat(page.field("username").val()).isEqualTo("Bad Name!");
		assertThat(page.errorBeside("displayName")).isNotBlank();
		assertThat(page.errorBeside("password")).contains("12");
		assertThat(page.field("password").val()).isEmpty();
		page.noErrorBeside("role");
		verifyNoInteractions(this.createUser);
	}

	@Test
	void aRoleAnAgencyCannotGiveIsRefusedBesideTheRole() throws Exception {
		Html page = Html.of(this.mvc.perform(newUser("newbie", "New Bie", "PLATFORM_ADMIN", GOOD_PASSWORD))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.errorBeside("role")).isNotBlank();
		assertThat(page.field("displayName").val()).isEqualTo("New Bie");
		verifyNoInteractions(this.createUser);
	}

	@Test
	void aTakenUsernameIsSaidBesideIt() throws Exception {
		given(this.createUser.create(any())).willThrow(new UsernameTakenException("newbie"));

		Html page = Html.of(this.mvc.perform(newUser("newbie", "New Bie", "STAFF", GOOD_PASSWORD))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.errorBeside("username")).isNotBlank();
		assertThat(page.field("username").val()).isEqualTo("newbie");
	}

	@Test
	void aValidNewUserIsCreatedAndTheListShown() throws Exception {
		this.mvc.perform(newUser("newbie", "New Bie", "STAFF", GOOD_PASSWORD))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flash", "users.created"));

		verify(this.createUser).create(new UserForms.NewUser("newbie", "New Bie", "STAFF", GOOD_PASSWORD));
	}

	@Test
	void staffCannotCreateUsers() throws Exception {
		this.mvc
			.perform(post("/admin/users").param("username", "newbie")
				.param("displayName", "New Bie")
				.param("role", "AGENCY_ADMIN")
				.param("password", GOOD_PASSWORD)
				.with(user(Principals.staff()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.createUser);
	}

	// One's own password, by anyone logged in.

	private static MockHttpServletRequestBuilder passwordChange(DeskPrincipal who) {
		return post("/account/password").param("currentPassword", "what I think it is")
			.param("newPassword", GOOD_PASSWORD)
			.param("confirmation", GOOD_PASSWORD)
			.with(user(who))
			.with(csrf());
	}

	@Test
	void aWrongCurrentPasswordIsSaidBesideItAndNoPasswordIsWrittenBack() throws Exception {
		given(this.changeOwnPassword.change(any(), anyString()))
			.willReturn(Optional.of(Map.entry("currentPassword", "account.password.currentWrong")));

		Html page = Html
			.of(this.mvc.perform(passwordChange(Principals.auditor())).andExpect(status().isOk()).andReturn());

		assertThat(page.errorBeside("currentPassword")).isNotBlank();
		page.noErrorBeside("newPassword");
		assertThat(page.document().select("input[type=password]")).hasSize(3)
			.allSatisfy((input) -> assertThat(input.val()).isEmpty());
		assertThat(page.document().html()).doesNotContain("what I think it is", GOOD_PASSWORD);
		verify(this.session, never()).refresh(any(), any(), anyBoolean());
	}

	@Test
	void aChangedPasswordRenewsTheSessionAndGoesBackToTheAccount() throws Exception {
		given(this.changeOwnPassword.change(any(), anyString())).willReturn(Optional.empty());

		this.mvc.perform(passwordChange(Principals.staff()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("flash", "account.password.changed"));

		verify(this.changeOwnPassword).change(
				org.mockito.ArgumentMatchers
					.eq(new AccountForms.PasswordChange("what I think it is", GOOD_PASSWORD, GOOD_PASSWORD)),
				anyString());
		verify(this.session).refresh(any(), any(), org.mockito.ArgumentMatchers.eq(false));
	}

}
