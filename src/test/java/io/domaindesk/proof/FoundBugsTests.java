package io.domaindesk.proof;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sweep, the fuzz and the journeys found, each pinned on its own over real HTTP
 * (the container's error page, as a user sees it). A {@code @Disabled} test here is a bug
 * waiting for its fix: remove the annotation with the fix.
 */
@IntegrationTest
class FoundBugsTests {

	@LocalServerPort
	int port;

	@Test
	void theBulkPageRendersWithAndWithoutASelection() {
		BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
		HttpResponse<String> empty = bob.get("/nic-changes/bulk");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("No domain selected");
		HttpResponse<String> unknown = bob.get("/nic-changes/bulk?names=not-ours.example");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("not-ours.example");
	}

	@Test
	void anUnknownRoleIsRefusedNextToTheFieldNotWithA500() {
		BrowserSession alice = BrowserSession.loggedIn(this.port, "alice", "demo-password");
		alice.get("/admin/users");
		HttpResponse<String> response = alice.post("/admin/users",
				Map.of("username", "proof-role-" + System.nanoTime() % 100000, "displayName", "Role fuzz", "role",
						"SUPERUSER", "password", "x"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("is-invalid").doesNotContain("Something went wrong");
	}

	@Test
	void aFlashMessageWithoutArgumentsIsShown() {
		// "Sync started" and "Refreshed" carry no arguments; the layout used to fail on
		// them with a 500 after the redirect.
		BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
		bob.get("/nic-changes");
		HttpResponse<String> redirect = bob.post("/nic-changes/refresh", Map.of());
		assertThat(redirect.statusCode()).isEqualTo(302);
		HttpResponse<String> page = bob.get("/nic-changes");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("alert-success");
	}

}
