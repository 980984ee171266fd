package io.domaindesk.agency;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Connecting OVHcloud accounts over real HTTP, against the sandbox standing in for
 * OVHcloud's credential pages.
 */
@IntegrationTest
class OvhAccountsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void testingTheDemoConnectionShowsTheNichandleAndNoSecret() {
		DeskPrincipal alice = this.users.findByUsername("alice").orElseThrow();
		long id = this.jdbc.sql("""
				select a.id from ovh_account a join agency g on g.id = a.agency_id
				where g.name = 'Agence Exemple' order by a.id limit 1
				""").query(Long.class).single();
		assertThat(this.mvc.get().uri("/admin/ovh-accounts").with(user(alice))).hasStatusOk()
			.bodyText()
			.contains("dd-demo-ak-exemple")
			.doesNotContain("dd-demo-as-exemple")
			.doesNotContain("dd-demo-ck-exemple");
		var tested = this.mvc.post().uri("/admin/ovh-accounts/{id}/test", id).with(user(alice)).with(csrf()).exchange();
		assertThat(tested).hasStatus3xxRedirection();
		Object check = tested.getMvcResult().getFlashMap().get("check");
		assertThat(check).isInstanceOf(ConnectOvhAccount.Check.class);
		assertThat(((ConnectOvhAccount.Check) check).nichandle()).isEqualTo("ae1000-ovh");
		assertThat(((ConnectOvhAccount.Check) check).error()).isNull();
		assertThat(this.jdbc.sql("select application_secret_enc from ovh_account where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isNotBlank().doesNotContain("dd-demo-as-exemple");
		assertThat(this.mvc.get().uri("/admin/ovh-accounts/{id}/me", id).with(user(alice))).hasStatusOk()
			.bodyText()
			.contains("ae1000-ovh");
	}

	@Test
	void aNewConnectionRequestsAConsumerKeyThatTheAdminValidatesAtOvhcloud() {
		BrowserSession alice = BrowserSession.loggedIn(this.port, "alice", "demo-password");
		alice.get("/admin/ovh-accounts");
		String label = "Second account " + System.nanoTime();
		HttpResponse<String> created = alice.post("/admin/ovh-accounts",
				Map.of("label", label, "endpoint", "sandbox", "applicationKey", "dd-demo-ak-exemple",
						"applicationSecret", "dd-demo-as-exemple-0123456789abcdef", "consumerKey", "",
						"requestsPerMinute", "120"));
		assertThat(created.statusCode()).isEqualTo(302);
		// OVHcloud's page is another origin: the answer to the POST stays in DomainDesk,
		// whose page links to OVHcloud.
		String step = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(step).startsWith("/admin/ovh-accounts/").endsWith("/authorize");
		long id = Long.parseLong(step.split("/")[3]);
		Matcher link = Pattern.compile("href=\"([^\"]*credentialToken=[^\"]+)\"").matcher(alice.get(step).body());
		assertThat(link.find()).isTrue();
		URI validation = URI.create(link.group(1));
		assertThat(validation.getHost()).isEqualTo("localhost");
		assertThat(validation.getPath()).isEqualTo("/ovh-sandbox/auth");
		String token = validation.getQuery().replace("credentialToken=", "");

		// The admin logs in at "OVHcloud" and validates; OVHcloud sends them back to
		// DomainDesk.
		alice.get("/ovh-sandbox/auth?credentialToken=" + token);
		HttpResponse<String> validated = alice.post("/ovh-sandbox/auth",
				Map.of("credentialToken", token, "nichandle", "ae1000-ovh", "validity", "P1D", "accept", "true"));
		String back = validated.headers().firstValue("Location").orElseThrow();
		assertThat(back).endsWith("/admin/ovh-accounts/" + id + "/validated");
		// A GET changes nothing (issue 12): it shows the button that tests the
		// connection.
		HttpResponse<String> result = alice.get(URI.create(back).getPath());
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("Test the connection");
		assertThat(this.jdbc.sql("select nichandle from ovh_account where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()).isEmpty();
		assertThat(alice.post("/admin/ovh-accounts/" + id + "/test", Map.of()).statusCode()).isEqualTo(302);
		String page = alice.get("/admin/ovh-accounts").body();
		assertThat(page).contains(label).contains("Connected as ae1000-ovh");
	}

	@Test
	void badInputIsReportedNextToItsFieldAndStaffCannotConnect() {
		DeskPrincipal alice = this.users.findByUsername("alice").orElseThrow();
		assertThat(this.mvc.post()
			.uri("/admin/ovh-accounts")
			.param("label", "Broken")
			.param("endpoint", "ftp://nowhere")
			.param("applicationKey", "ak")
			.param("applicationSecret", "")
			.with(user(alice))
			.with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Choose one of the endpoints in the list.")
			.contains("value=\"Broken\"");
		DeskPrincipal bob = this.users.findByUsername("bob").orElseThrow();
		assertThat(this.mvc.get().uri("/admin/ovh-accounts").with(user(bob))).hasStatus(403);
	}

	@Test
	void anAgencyAdminChoosesAnEndpointAndCannotPointDomainDeskAtAUrl() {
		DeskPrincipal alice = this.users.findByUsername("alice").orElseThrow();
		assertThat(this.mvc.get().uri("/admin/ovh-accounts").with(user(alice))).hasStatusOk()
			.bodyText()
			.contains("<option value=\"ovh-eu\"")
			.contains("<option value=\"sandbox\"");
		// Alice's agency only: other tests add connections of their own meanwhile.
		long before = accounts(alice);
		// Loopback and plain http, a private address, the cloud metadata address, the "@"
		// and "?" tricks: none is a choice.
		for (String endpoint : java.util.List.of("http://127.0.0.1:" + this.port + "/ovh-sandbox/1.0",
				"https://10.0.0.1/1.0", "https://169.254.169.254/latest", "https://eu.api.ovh.com@evil.example/1.0",
				"https://evil.example/?", "http://eu.api.ovh.com/1.0", "OVH-EU")) {
			assertThat(this.mvc.post()
				.uri("/admin/ovh-accounts")
				.param("label", "Probe " + endpoint)
				.param("endpoint", endpoint)
				.param("applicationKey", "dd-demo-ak-exemple")
				.param("applicationSecret", "dd-demo-as-exemple-0123456789abcdef")
				.param("consumerKey", "dd-demo-ck-exemple-0123456789abcdef")
				.with(user(alice))
				.with(csrf())).as(endpoint)
				.hasStatusOk()
				.bodyText()
				.contains("Choose one of the endpoints in the list.");
		}
		assertThat(accounts(alice)).isEqualTo(before).isPositive();
	}

	private long accounts(DeskPrincipal admin) {
		return this.jdbc.sql("select count(*) from ovh_account where agency_id = :a")
			.param("a", admin.agencyId())
			.query(Long.class)
			.single();
	}

}
