package io.domaindesk.agency;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@IntegrationTest
class UserAdministrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Autowired
	DeskUserRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void agencyAdminSeesOnlyTheirOwnAgency() {
		assertThat(this.mvc.get().uri("/admin/users").with(user(principal("alice")))).hasStatusOk()
			.bodyText()
			.contains("bob")
			.contains("dora")
			.doesNotContain("carol");
	}

	@Test
	void anotherAgencysUserAnswersNotFoundAndIsLeftUntouched() {
		Long carol = this.repository.findByUsername("carol").orElseThrow().getId();
		assertThat(this.mvc.post().uri("/admin/users/{id}/disable", carol).with(user(principal("alice"))).with(csrf()))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/admin/users/{id}/password", carol).with(user(principal("alice"))))
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/admin/users/{id}/password", carol)
			.param("password", "a brand new passphrase")
			.with(user(principal("alice")))
			.with(csrf())).hasStatus(404);
		DeskUser after = this.repository.findByUsername("carol").orElseThrow();
		assertThat(after.isEnabled()).isTrue();
		assertThat(this.users.findByUsername("carol").orElseThrow().getPassword())
			.isEqualTo(principal("carol").getPassword());
	}

	@Test
	void weakPasswordIsExplainedNextToTheFieldAndTheFormKeepsWhatWasTyped() {
		assertThat(this.mvc.post()
			.uri("/admin/users")
			.param("username", "newbie")
			.param("displayName", "Nouvelle Recrue")
			.param("role", "STAFF")
			.param("password", "short")
			.with(user(principal("alice")))
			.with(csrf())
			.accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("Too short: at least 12 characters.")
			.contains("value=\"newbie\"")
			.contains("value=\"Nouvelle Recrue\"");
		assertThat(this.repository.existsByUsername("newbie")).isFalse();
	}

	@Test
	void createDisableEnableAndResetAreAudited() {
		String name = "user-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(this.mvc.post()
			.uri("/admin/users")
			.param("username", name)
			.param("displayName", "Zoé L'Hôte")
			.param("role", "AUDITOR")
			.param("password", "a long enough passphrase")
			.with(user(principal("alice")))
			.with(csrf())).hasRedirectedUrl("/admin/users");
		DeskUser created = this.repository.findByUsername(name).orElseThrow();
		assertThat(created.getRole()).isEqualTo(Role.AUDITOR);
		assertThat(created.getAgencyId()).isEqualTo(principal("alice").agencyId());

		assertThat(this.mvc.post()
			.uri("/admin/users/{id}/disable", created.getId())
			.with(user(principal("alice")))
			.with(csrf())).hasRedirectedUrl("/admin/users");
		assertThat(this.repository.findById(created.getId()).orElseThrow().isEnabled()).isFalse();
		assertThat(this.mvc.post()
			.uri("/login")
			.param("username", name)
			.param("password", "a long enough passphrase")
			.with(csrf())).hasRedirectedUrl("/login?error");

		assertThat(this.mvc.post()
			.uri("/admin/users/{id}/enable", created.getId())
			.with(user(principal("alice")))
			.with(csrf())).hasRedirectedUrl("/admin/users");
		assertThat(this.mvc.post()
			.uri("/admin/users/{id}/password", created.getId())
			.param("password", "another long passphrase")
			.with(user(principal("alice")))
			.with(csrf())).hasRedirectedUrl("/admin/users");
		assertThat(this.mvc.post()
			.uri("/login")
			.param("username", name)
			.param("password", "another long passphrase")
			.with(csrf())).hasRedirectedUrl("/domains");

		assertThat(this.jdbc.sql("""
				select string_agg(action, ',' order by id) from audit_event
				where actor = 'alice' and details ->> 'username' = :name
				""").param("name", name).query(String.class).single())
			.isEqualTo("user.create,user.disable,user.enable,user.password.reset");
	}

	@Test
	void duplicateUsernameIsReportedOnTheField() {
		assertThat(this.mvc.post()
			.uri("/admin/users")
			.param("username", "carol")
			.param("displayName", "Another Carol")
			.param("role", "STAFF")
			.param("password", "a long enough passphrase")
			.with(user(principal("alice")))
			.with(csrf())).hasStatusOk().bodyText().contains("This username is already taken.");
	}

	@Test
	void platformAdminOpensAnAgencyWithItsFirstAdmin() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		assertThat(this.mvc.post()
			.uri("/admin/agencies")
			.param("name", "Atelier " + suffix)
			.param("adminUsername", "admin-" + suffix)
			.param("adminDisplayName", "Admin " + suffix)
			.param("adminPassword", "a long enough passphrase")
			.with(user(principal("root")))
			.with(csrf())).hasRedirectedUrl("/admin/agencies");
		DeskPrincipal admin = principal("admin-" + suffix);
		assertThat(admin.role()).isEqualTo(Role.AGENCY_ADMIN);
		assertThat(admin.agencyName()).isEqualTo("Atelier " + suffix);
		// The platform admin chose the password: the new admin replaces it first.
		assertThat(admin.passwordMustChange()).isTrue();
		assertThat(this.mvc.get().uri("/admin/users").with(user(admin))).hasRedirectedUrl("/account");
		this.jdbc.sql("update app_user set password_must_change = false where username = :u")
			.param("u", "admin-" + suffix)
			.update();
		admin = principal("admin-" + suffix);
		// The new admin sees their own agency only.
		assertThat(this.mvc.get().uri("/admin/users").with(user(admin))).hasStatusOk()
			.bodyText()
			.contains("admin-" + suffix)
			.doesNotContain("bob");
	}

	private DeskPrincipal principal(String username) {
		return this.users.findByUsername(username).orElseThrow();
	}

}
