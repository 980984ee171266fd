package io.domaindesk.ovh;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard connects to the address it checked, not to the name (rebinding): this must
 * not cost TLS its host name check. A real TLS server on loopback (allowed only because
 * the guard is built as with the sandbox on) presents self-signed certificates that a
 * trust store made for this test alone trusts: the one for the name in the URL is
 * accepted, a trusted one for another name is refused. The name in the URL never resolves
 * for real ({@code .test}), so a call that succeeds went to the pinned address, with the
 * name sent as SNI and checked against the certificate.
 */
class OvhEndpointTlsTest {

	private static final String NAME = "api.custom.test";

	private static final String OTHER = "other.custom.test";

	@TempDir
	Path folder;

	private SSLContext previousDefault;

	private HttpsServer server;

	private KeyStore trusted;

	@BeforeEach
	void trustBothTestCertificates() throws Exception {
		this.trusted = KeyStore.getInstance("PKCS12");
		this.trusted.load(null, null);
		for (String name : List.of(NAME, OTHER)) {
			this.trusted.setCertificateEntry(name, keyStore(name).getCertificate("server"));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(this.trusted);
		SSLContext client = SSLContext.getInstance("TLS");
		client.init(null, trust.getTrustManagers(), null);
		// OvhTransport builds its client from the default context, as in production.
		this.previousDefault = SSLContext.getDefault();
		SSLContext.setDefault(client);
	}

	@AfterEach
	void restore() {
		SSLContext.setDefault(this.previousDefault);
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void aPinnedHttpsCallReachesTheServerWhoseCertificateNamesTheHost() throws Exception {
		int port = serve(NAME);
		assertThat(client(port).me().get().nichandle()).isEqualTo("ab1-ovh");
	}

	@Test
	void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
		int port = serve(OTHER);
		assertThatThrownBy(() -> client(port).me().get()).isInstanceOf(OvhException.class)
			.satisfies((ex) -> assertThat(causes(ex)).anyMatch(SSLHandshakeException.class::isInstance));
	}

	private OvhClient client(int port) {
		// The sandbox allowance: loopback is permitted, everything else is enforced.
		OvhEndpointGuard guard = OvhEndpointGuard.enforced(true)
			.withResolver((host) -> new InetAddress[] { InetAddress.getByName("127.0.0.1") });
		OvhConnection connection = OvhConnection.ofKeys("https://" + NAME + ":" + port + "/1.0", FakeOvhServer.AK,
				FakeOvhServer.AS, FakeOvhServer.CK);
		OvhProperties properties = OvhProperties.defaults()
			.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3))
			.withRetries(1, Duration.ofMillis(10), Duration.ofMillis(50))
			.withRateLimit(1000, Duration.ofSeconds(5));
		return new OvhClient(connection, properties, new OvhClock(), null, guard);
	}

	/** An HTTPS server on 127.0.0.1 presenting the certificate made for {@code name}. */
	private int serve(String name) throws Exception {
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore(name), "changeit".toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.server.setHttpsConfigurator(new HttpsConfigurator(context));
		this.server.createContext("/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
			}
			String path = exchange.getRequestURI().getPath();
			String body = path.endsWith("/auth/time") ? Long.toString(System.currentTimeMillis() / 1000)
					: "{\"nichandle\":\"ab1-ovh\"}";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		return this.server.getAddress().getPort();
	}

	/** A self-signed certificate for {@code name} (made by the JDK's keytool). */
	private KeyStore keyStore(String name) throws Exception {
		Path file = this.folder.resolve(name + ".p12");
		if (!Files.exists(file)) {
			Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
			Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
					"-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-validity", "2",
					"-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit", "-keypass",
					"changeit")
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
		}
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, "changeit".toCharArray());
		}
		Certificate certificate = store.getCertificate("server");
		assertThat(certificate).isNotNull();
		return store;
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> all = new ArrayList<>();
		for (Throwable t = ex; t != null && !all.contains(t); t = t.getCause()) {
			all.add(t);
		}
		return all;
	}

}
