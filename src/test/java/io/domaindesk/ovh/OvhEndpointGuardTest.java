package io.domaindesk.ovh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server-side request forgery: where signed calls may go, checked on the URL as
 * configured and again, resolved, on every connection.
 */
class OvhEndpointGuardTest {

	private FakeOvhServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new FakeOvhServer();
		// Signed for "localhost", received on 127.0.0.1: the fake cannot tell.
		this.server.checkSignatures = false;
		this.server.on("GET", "/me", "{\"nichandle\":\"ab1-ovh\"}");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aCustomBaseUrlIsHttpsWithoutUserInfoQueryOrFragment() {
		assertThat(OvhEndpointGuard.checkBaseUrl("https://api.example.com/1.0", false)).hasHost("api.example.com");
		// The "@" trick: eu.api.ovh.com is only a user name here.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OvhEndpointGuard.checkBaseUrl("https://eu.api.ovh.com@evil.example/1.0", false))
			.withMessageContaining("user name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OvhConnection.ofKeys("https://eu.api.ovh.com:x@evil.example/1.0", "ak", "as", null));
		// The "?" and "#" tricks: DomainDesk's path would end up in a query or fragment.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OvhEndpointGuard.checkBaseUrl("https://evil.example/?x=", false))
			.withMessageContaining("query");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OvhConnection.ofKeys("https://evil.example/steal?", "ak", "as", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OvhConnection.ofKeys("https://evil.example/steal#", "ak", "as", null));
		// Plain http: refused, except to this machine while the sandbox is on.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OvhEndpointGuard.checkBaseUrl("http://api.example.com/1.0", true))
			.withMessageContaining("https");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OvhEndpointGuard.checkBaseUrl("http://127.0.0.1:8080/ovh-sandbox/1.0", false));
		assertThat(OvhEndpointGuard.checkBaseUrl("http://127.0.0.1:8080/ovh-sandbox/1.0", true)).hasPort(8080);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OvhEndpointGuard.checkBaseUrl("ftp://api.example.com/1.0", false));
		// An address written in the URL is refused at once, not only at the first call.
		for (String url : List.of("https://10.0.0.1/1.0", "https://169.254.169.254/latest", "https://[fd00::1]/1.0",
				"https://[::ffff:10.0.0.1]/1.0", "https://127.0.0.1/1.0")) {
			assertThatIllegalArgumentException().as(url)
				.isThrownBy(() -> OvhEndpointGuard.checkBaseUrl(url, false))
				.withMessageContaining("private");
		}
		assertThat(OvhEndpointGuard.checkBaseUrl("https://51.91.1.1/1.0", false)).hasHost("51.91.1.1");
	}

	@Test
	void privateLoopbackLinkLocalMulticastAndUnspecifiedAddressesAreRefused() throws Exception {
		for (String address : List.of("127.0.0.1", "127.1.2.3", "10.0.0.8", "172.16.4.4", "192.168.1.1",
				"169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
				"fd00::1", "fc00::5", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
				"64:ff9b::a9fe:a9fe")) {
			assertThat(OvhEndpointGuard.forbidden(InetAddress.getByName(address))).as(address).isTrue();
		}
		for (String address : List.of("51.91.1.1", "8.8.8.8", "2001:41d0:1::1", "::ffff:51.91.1.1")) {
			assertThat(OvhEndpointGuard.forbidden(InetAddress.getByName(address))).as(address).isFalse();
		}
	}

	@Test
	void aHostThatResolvesToAPrivateAddressIsRefusedAtConnectTimeAndNothingIsSent() {
		// Passes the URL check (https, a name), but the name points inside the network.
		OvhEndpointGuard guard = OvhEndpointGuard.enforced(false)
			.withResolver((host) -> new InetAddress[] { InetAddress.getByName("10.1.2.3") });
		assertThatThrownBy(() -> guard.target(URI.create("https://internal.example/1.0/me"), "GET", "/me"))
			.isInstanceOf(OvhException.NetworkError.class)
			.hasMessageContaining("private");

		// Loopback while the sandbox is off: refused before any byte leaves.
		OvhClient client = new OvhClient(connection("localhost"), properties(), new OvhClock(), null,
				OvhEndpointGuard.enforced(false));
		assertThatThrownBy(() -> client.me().get()).isInstanceOf(OvhException.NetworkError.class)
			.satisfies((ex) -> assertThat(((OvhException) ex).inWords()).isEqualTo("OVHcloud could not be reached"));
		assertThat(this.server.requests("GET", "/me")).isEmpty();
	}

	@Test
	void theConnectionGoesToTheAddressThatWasCheckedSoRebindingDoesNotGetThrough() {
		// A rebinding DNS: loopback (allowed while the sandbox is on) until it switches
		// to
		// an address inside the network.
		AtomicBoolean rebound = new AtomicBoolean();
		AtomicInteger lookups = new AtomicInteger();
		OvhEndpointGuard guard = OvhEndpointGuard.enforced(true).withResolver((host) -> {
			lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getByName(rebound.get() ? "10.9.9.9" : "127.0.0.1") };
		});
		// ".invalid" never resolves for real: only a connection to the checked address
		// can
		// reach the server.
		OvhClient client = new OvhClient(connection("rebind.invalid"), properties(), new OvhClock(), null, guard);
		assertThat(client.me().get().nichandle()).isEqualTo("ab1-ovh");
		FakeOvhServer.Recorded call = this.server.requests("GET", "/me").get(0);
		// Still the name for the server (virtual hosts, TLS), the checked address for the
		// socket.
		assertThat(call.header("Host")).isEqualTo("rebind.invalid:" + URI.create(this.server.origin()).getPort());
		// Each request resolves once and connects to what it checked (time, then /me): a
		// later answer pointing inside is refused, never connected to.
		assertThat(lookups).hasValue(2);
		rebound.set(true);
		assertThatThrownBy(() -> client.me().get()).isInstanceOf(OvhException.NetworkError.class);
		assertThat(this.server.requests("GET", "/me")).hasSize(1);
	}

	@Test
	void aCustomEndpointsPageIsNeverEchoedOnlyOvhcloudsJsonMessageBounded() {
		this.server.on("GET", "/me", (r) -> FakeOvhServer.Reply.of(403,
				"root:x:0:0:root:/root:/bin/bash internal-secret-page " + "y".repeat(500)));
		OvhClient client = new OvhClient(this.server.connection(), properties(), new OvhClock(), null,
				OvhEndpointGuard.enforced(true));
		assertThatThrownBy(() -> client.me().get()).isInstanceOfSatisfying(OvhException.class, (ex) -> {
			assertThat(ex.inWords()).doesNotContain("root:x").doesNotContain("internal-secret-page");
			assertThat(ex.getMessage()).doesNotContain("internal-secret-page");
		});
		this.server.on("GET", "/me", (r) -> FakeOvhServer.Reply.of(403,
				"{\"class\":\"Client::Forbidden\",\"message\":\"" + "z".repeat(5000) + "\"}"));
		assertThatThrownBy(() -> client.me().get()).isInstanceOfSatisfying(OvhException.class,
				(ex) -> assertThat(ex.serverMessage()).hasSizeLessThan(310));
	}

	private OvhConnection connection(String host) {
		int port = URI.create(this.server.origin()).getPort();
		return OvhConnection.ofKeys("http://" + host + ":" + port + "/1.0", FakeOvhServer.AK, FakeOvhServer.AS,
				FakeOvhServer.CK);
	}

	private static OvhProperties properties() {
		return OvhProperties.defaults()
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
			.withRetries(1, Duration.ofMillis(10), Duration.ofMillis(50))
			.withRateLimit(1000, Duration.ofSeconds(5));
	}

}
