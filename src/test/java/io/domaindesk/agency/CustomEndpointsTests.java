package io.domaindesk.agency;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Custom OVHcloud base URLs are a platform-admin setting (issue #12): agency admins can
 * neither see nor change the list, hostile URLs are refused beside the field with nothing
 * stored, and an endpoint the platform admin adds becomes a choice for agency admins.
 */
@IntegrationTest
class CustomEndpointsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskUsers users;

	@Test
	void agencyAdminsAreRefused() {
		DeskPrincipal alice = this.users.findByUsername("alice").orElseThrow();
		assertThat(this.mvc.get().uri("/admin/endpoints").with(user(alice))).hasStatus(403);
		assertThat(add(alice, "alices-" + suffix(), "https://api.partner.example/1.0")).hasStatus(403);
		assertThat(this.jdbc.sql("select count(*) from ovh_custom_endpoint where name like 'alices-%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void hostileUrlsAreRefusedBesideTheFieldAndNothingIsStored() {
		DeskPrincipal root = this.users.findByUsername("root").orElseThrow();
		for (String url : List.of("http://api.partner.example/1.0", "https://10.0.0.1/1.0",
				"https://169.254.169.254/latest", "https://[::ffff:10.0.0.1]/1.0", "https://[fd00::1]/1.0",
				"https://eu.api.ovh.com@evil.example/1.0", "https://evil.example/?", "https://evil.example/1.0#x",
				"ftp://api.partner.example/1.0", "")) {
			String name = "hostile-" + suffix();
			assertThat(add(root, name, url)).as(url)
				.hasStatusOk()
				.bodyText()
				.contains("id=\"url-error\"")
				.contains("This URL is refused")
				.contains("value=\"" + name + "\"");
			assertThat(stored(name)).as(url).isZero();
		}
		// The names of OVHcloud's regions and of the sandbox are not for the taking.
		assertThat(add(root, "ovh-eu", "https://api.partner.example/1.0")).bodyText().contains("id=\"name-error\"");
		assertThat(stored("ovh-eu")).isZero();
	}

	@Test
	void anEndpointThePlatformAdminAddsBecomesAChoiceForAgencyAdminsAndIsAudited() {
		DeskPrincipal root = this.users.findByUsername("root").orElseThrow();
		DeskPrincipal alice = this.users.findByUsername("alice").orElseThrow();
		String name = "partner-" + suffix();
		assertThat(add(root, name, "https://api.partner.example/1.0")).hasRedirectedUrl("/admin/endpoints");
		assertThat(stored(name)).isOne();
		assertThat(this.mvc.get().uri("/admin/endpoints").with(user(root))).bodyText()
			.contains("https://api.partner.example/1.0");
		assertThat(this.mvc.get().uri("/admin/ovh-accounts").with(user(alice))).bodyText()
			.contains("<option value=\"" + name + "\"");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'ovh.endpoint.add' and actor = 'root'
				  and outcome = 'SUCCESS' and details ->> 'name' = :name
				""").param("name", name).query(Long.class).single()).isOne();

		assertThat(this.mvc.post().uri("/admin/endpoints/{name}/remove", name).with(user(root)).with(csrf()))
			.hasRedirectedUrl("/admin/endpoints");
		assertThat(stored(name)).isZero();
		assertThat(this.mvc.get().uri("/admin/ovh-accounts").with(user(alice))).bodyText()
			.doesNotContain("<option value=\"" + name + "\"");
	}

	private MvcTestResult add(DeskPrincipal who, String name, String url) {
		return this.mvc.post()
			.uri("/admin/endpoints")
			.param("name", name)
			.param("url", url)
			.with(user(who))
			.with(csrf())
			.exchange();
	}

	private long stored(String name) {
		return this.jdbc.sql("select count(*) from ovh_custom_endpoint where name = :n")
			.param("n", name)
			.query(Long.class)
			.single();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
