package io.domaindesk.ovh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends one API call: throttles, signs, sends, maps errors, retries reads. Every OVHcloud
 * request of the application goes through {@link #exchange}.
 */
final class OvhTransport {

	private static final Logger log = LoggerFactory.getLogger(OvhTransport.class);

	private static final OvhPath TIME = OvhPath.of("/auth/time");

	private final OvhConnection connection;

	private final OvhProperties properties;

	private final String baseUrl;

	private final HttpClient http;

	private final JsonMapper mapper;

	private final OvhClock clock;

	private final OvhRateLimiter limiter;

	private final OvhMetrics metrics;

	private final OvhOAuth2Tokens tokens;

	private final OvhEndpointGuard guard;

	OvhTransport(OvhConnection connection, OvhProperties properties, OvhClock clock, MeterRegistry registry,
			OvhEndpointGuard guard) {
		this.connection = connection;
		this.properties = properties;
		this.baseUrl = connection.baseUrl();
		this.guard = guard;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.sslParameters(tlsFor(URI.create(this.baseUrl).getHost()))
			.build();
		this.mapper = OvhJson.mapper();
		this.clock = clock;
		this.limiter = new OvhRateLimiter(connection.requestsPerMinute(), properties.rateLimitBurst(),
				properties.maxRateLimitWait());
		// The application key (or OAuth2 client id) is an identifier, not a secret: it
		// tells accounts apart.
		this.metrics = new OvhMetrics(registry, this.baseUrl,
				connection.isOAuth2() ? connection.clientId() : connection.applicationKey());
		this.tokens = connection.isOAuth2()
				? new OvhOAuth2Tokens(this.http, this.mapper, connection, properties.readTimeout(), Instant::now, guard)
				: null;
	}

	/**
	 * A pinned request connects to an address, not a name: TLS must still ask for (SNI)
	 * and verify the certificate of the name. The JDK keeps these server names when the
	 * URI's host is an address literal.
	 */
	private static SSLParameters tlsFor(String host) {
		SSLParameters parameters;
		try {
			parameters = SSLContext.getDefault().getDefaultSSLParameters();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		if (host != null && !host.startsWith("[") && !host.matches("[0-9.]+")) {
			parameters.setServerNames(List.of(new SNIHostName(host)));
		}
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		return parameters;
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	OvhProperties properties() {
		return this.properties;
	}

	/**
	 * Who signs a call. {@code OPTIONAL} routes are public in the schema but behave the
	 * same signed, which is what every official wrapper does when it holds credentials.
	 */
	enum Auth {

		REQUIRED, OPTIONAL, NONE

	}

	record Call(String method, OvhPath path, Object body, Auth auth, Map<String, String> headers) {

		static Call get(OvhPath path) {
			return new Call("GET", path, null, Auth.REQUIRED, Map.of());
		}

		boolean isRead() {
			return this.method.equals("GET");
		}

	}

	record Response(int status, HttpHeaders headers, String body) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	<T> T call(Call call, JavaType type) {
		Response response = exchange(call);
		return read(response, type, call);
	}

	<T> T call(Call call, Class<T> type) {
		return call(call, this.mapper.constructType(type));
	}

	<T> T read(Response response, JavaType type, Call call) {
		if (type.getRawClass() == Void.class || response.body().isBlank()) {
			return null;
		}
		try {
			return this.mapper.readValue(response.body(), type);
		}
		catch (RuntimeException ex) {
			throw new OvhException(new OvhException.Failure(response.status(), null,
					"unreadable answer: " + ex.getClass().getSimpleName(), null, response.header("X-Ovh-QueryID"),
					call.method(), call.path().template()), ex);
		}
	}

	/**
	 * OVHcloud's clock, from the unauthenticated {@code GET /auth/time}.
	 */
	long serverTime() {
		Response response = exchange(new Call("GET", TIME, null, Auth.NONE, Map.of()));
		Long time = read(response, this.mapper.constructType(Long.class), Call.get(TIME));
		if (time == null) {
			throw new OvhException(new OvhException.Failure(response.status(), null, "empty server time", null,
					response.header("X-Ovh-QueryID"), "GET", TIME.template()), null);
		}
		return time;
	}

	Response exchange(Call call) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// No transaction may span an OVHcloud call (ARCHITECTURE.md): counted and
			// logged, so that tests and operators see the caller that breaks the rule.
			this.metrics.inTransaction(call.method(), call.path().template());
			log.warn("OVHcloud {} {} called inside a database transaction", call.method(), call.path().template());
		}
		String body = (call.body() != null) ? this.mapper.writeValueAsString(call.body()) : null;
		int maxAttempts = call.isRead() ? this.properties.maxAttempts() : 1;
		boolean clockResynced = false;
		int attempt = 0;
		while (true) {
			attempt++;
			acquirePermit(call);
			HttpRequest request = build(call, body);
			long start = System.nanoTime();
			HttpResponse<byte[]> raw;
			try {
				raw = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException ex) {
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				this.metrics.record(call.method(), call.path().template(), 0, "NETWORK_ERROR", took);
				log.debug("OVHcloud {} {} -> {} after {} ms", call.method(), call.path().path(),
						ex.getClass().getSimpleName(), took.toMillis());
				if (call.isRead() && attempt < maxAttempts) {
					pause(backoff(attempt, null));
					continue;
				}
				throw networkFailure(call, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw networkFailure(call, ex);
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			Response response = new Response(raw.statusCode(), raw.headers(),
					new String(raw.body(), StandardCharsets.UTF_8));
			String queryId = response.header("X-Ovh-QueryID");
			this.metrics.record(call.method(), call.path().template(), response.status(),
					OvhMetrics.outcome(response.status()), took);
			log.debug("OVHcloud {} {} -> {} in {} ms [QueryID {}]", call.method(), call.path().path(),
					response.status(), took.toMillis(), queryId);
			if (response.status() / 100 == 2) {
				return response;
			}
			OvhException.Failure failure = redact(OvhErrors.failure(this.mapper, response.status(), response.body(),
					queryId, call.method(), call.path().template()));
			if (signs(call) && !clockResynced && OvhErrors.isClockTrouble(failure)) {
				this.clock.forget(this.baseUrl);
				clockResynced = true;
				if (call.isRead()) {
					// A refused signature means nothing ran: one more try with a fresh
					// clock.
					attempt--;
					continue;
				}
				if (OvhErrors.isRefusedBeforeRunning(failure)) {
					// OVHcloud checks the signature and the timestamp before the
					// handler: the write never ran, so it is sent exactly once more,
					// signed with the clock learnt again. A second refusal is final.
					log.info("OVHcloud refused {} {} with {} [QueryID {}]: clock learnt again, sent once more",
							call.method(), call.path().template(), failure.errorClass(), queryId);
					OvhResend
						.report(new OvhResend(call.method(), call.path().template(), failure.errorClass(), queryId));
					attempt--;
					continue;
				}
			}
			if (response.status() == 429) {
				this.limiter.slowDown();
			}
			if (response.status() == 401 && this.tokens != null) {
				this.tokens.invalidate();
			}
			OvhException error = OvhErrors.toException(failure);
			if (call.isRead() && error.isTransient() && attempt < maxAttempts) {
				pause(backoff(attempt, response.header("Retry-After")));
				continue;
			}
			throw error;
		}
	}

	private HttpRequest build(Call call, String body) {
		String url = this.baseUrl + call.path().pathAndQuery();
		// Signed for the name, sent to the address that was checked.
		HttpRequest.Builder request = this.guard.target(URI.create(url), call.method(), call.path().template())
			.request()
			.timeout(this.properties.readTimeout())
			.header("Accept", "application/json")
			.header("User-Agent", "DomainDesk-ovh-client");
		call.headers().forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(call.method(),
					HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
		}
		else {
			request.method(call.method(), HttpRequest.BodyPublishers.noBody());
		}
		if (this.tokens != null) {
			if (call.auth() != Auth.NONE) {
				request.header("Authorization", "Bearer " + this.tokens.token());
			}
			return request.build();
		}
		request.header("X-Ovh-Application", this.connection.applicationKey());
		if (call.auth() == Auth.REQUIRED && !this.connection.hasConsumerKey()) {
			throw new OvhException.InvalidCredential(new OvhException.Failure(0, "NOT_CREDENTIAL",
					"no consumer key: the account must be connected first", null, null, call.method(),
					call.path().template()));
		}
		if (signs(call)) {
			long timestamp = this.clock.now(this.baseUrl, this::serverTime);
			request.header("X-Ovh-Consumer", this.connection.consumerKey());
			request.header("X-Ovh-Timestamp", Long.toString(timestamp));
			request.header("X-Ovh-Signature", OvhSigner.sign(this.connection.applicationSecret(),
					this.connection.consumerKey(), call.method(), url, (body != null) ? body : "", timestamp));
		}
		return request.build();
	}

	private boolean signs(Call call) {
		return this.tokens == null && call.auth() != Auth.NONE && this.connection.hasConsumerKey();
	}

	private void acquirePermit(Call call) {
		boolean granted;
		try {
			granted = this.limiter.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			granted = false;
		}
		if (!granted) {
			throw new OvhException.RateLimited(new OvhException.Failure(0, "CLIENT_RATE_LIMIT",
					"no request permit within " + this.properties.maxRateLimitWait().toSeconds() + " s", null, null,
					call.method(), call.path().template()));
		}
	}

	private OvhException networkFailure(Call call, Exception ex) {
		String reason = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		if (call.isRead() || neverSent(ex)) {
			return new OvhException.NetworkError(new OvhException.Failure(0, null, redact(reason), null, null,
					call.method(), call.path().template()), ex);
		}
		return new OvhException.OutcomeUnknown(new OvhException.Failure(0, null,
				"no answer, the change may or may not have been applied (" + redact(reason) + ")", null, null,
				call.method(), call.path().template()), ex);
	}

	/**
	 * Only a failure to connect proves that a write did not reach OVHcloud.
	 */
	private static boolean neverSent(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
					|| t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
				return true;
			}
		}
		return false;
	}

	private Duration backoff(int attempt, String retryAfter) {
		long base = this.properties.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
		long jittered = (long) (base * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
		if (retryAfter != null) {
			try {
				jittered = Math.max(jittered, Long.parseLong(retryAfter.strip()) * 1000);
			}
			catch (NumberFormatException ex) {
				// an HTTP date: the exponential delay will do
			}
		}
		return Duration.ofMillis(Math.min(jittered, this.properties.maxBackoff().toMillis()));
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private OvhException.Failure redact(OvhException.Failure failure) {
		Map<String, String> details = new java.util.LinkedHashMap<>();
		failure.details().forEach((key, value) -> details.put(key, redact(value)));
		return new OvhException.Failure(failure.status(), failure.errorClass(), redact(failure.message()), details,
				failure.queryId(), failure.method(), failure.path());
	}

	/**
	 * Servers and proxies sometimes echo what they received; secrets must not travel on
	 * in our messages.
	 */
	private String redact(String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String secret : new String[] { this.connection.applicationSecret(), this.connection.consumerKey(),
				this.connection.clientSecret() }) {
			if (secret != null && secret.length() >= 4) {
				result = result.replace(secret, "***");
			}
		}
		return result;
	}

}
