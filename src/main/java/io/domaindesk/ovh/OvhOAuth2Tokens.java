package io.domaindesk.ovh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client-credentials access token of one service account, reused until shortly
 * before it expires.
 */
final class OvhOAuth2Tokens {

	private static final Duration EARLY_REFRESH = Duration.ofSeconds(10);

	private static final String TEMPLATE = "/auth/oauth2/token";

	private final HttpClient http;

	private final JsonMapper mapper;

	private final OvhConnection connection;

	private final Duration timeout;

	private final Supplier<Instant> clock;

	private final OvhEndpointGuard guard;

	private String token;

	private Instant refreshAt = Instant.MIN;

	OvhOAuth2Tokens(HttpClient http, JsonMapper mapper, OvhConnection connection, Duration timeout,
			Supplier<Instant> clock, OvhEndpointGuard guard) {
		this.guard = guard;
		this.http = http;
		this.mapper = mapper;
		this.connection = connection;
		this.timeout = timeout;
		this.clock = clock;
	}

	synchronized String token() {
		if (this.token == null || !this.clock.get().isBefore(this.refreshAt)) {
			fetch();
		}
		return this.token;
	}

	synchronized void invalidate() {
		this.token = null;
	}

	private void fetch() {
		String form = "grant_type=client_credentials&client_id=" + OvhPath.encode(this.connection.clientId())
				+ "&client_secret=" + OvhPath.encode(this.connection.clientSecret()) + "&scope=all";
		HttpRequest request = this.guard.target(URI.create(this.connection.oauth2TokenUrl()), "POST", TEMPLATE)
			.request()
			.timeout(this.timeout)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new OvhException.NetworkError(new OvhException.Failure(0, null,
					"OAuth2 token endpoint unreachable: " + ex.getClass().getSimpleName(), null, null, "POST",
					TEMPLATE), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OvhException.NetworkError(
					new OvhException.Failure(0, null, "interrupted", null, null, "POST", TEMPLATE), ex);
		}
		int status = response.statusCode();
		if (status / 100 != 2) {
			// Token errors use OAuth2's {"error":…,"error_description":…}; keep only
			// those words.
			String message = describe(response.body());
			OvhException.Failure failure = new OvhException.Failure(status, "OAuth2", message, null,
					response.headers().firstValue("X-Ovh-QueryID").orElse(null), "POST", TEMPLATE);
			if (status == 400 || status == 401 || status == 403) {
				throw new OvhException.InvalidCredential(failure);
			}
			throw OvhErrors.toException(failure);
		}
		JsonNode json = this.mapper.readTree(response.body());
		JsonNode accessToken = json.get("access_token");
		if (accessToken == null || accessToken.asString().isBlank()) {
			throw new OvhException.InvalidCredential(new OvhException.Failure(status, "OAuth2",
					"token endpoint answered without access_token", null, null, "POST", TEMPLATE));
		}
		long expiresIn = json.has("expires_in") ? json.get("expires_in").asLong() : 3600;
		this.token = accessToken.asString();
		this.refreshAt = this.clock.get().plusSeconds(expiresIn).minus(EARLY_REFRESH);
	}

	private String describe(String body) {
		try {
			JsonNode json = this.mapper.readTree(body);
			String error = json.has("error") ? json.get("error").asString() : null;
			String description = json.has("error_description") ? json.get("error_description").asString() : null;
			if (error != null) {
				String text = (description != null) ? error + ": " + description : error;
				return text.replace(this.connection.clientSecret(), "***");
			}
		}
		catch (RuntimeException ex) {
			// not JSON: fall through
		}
		return "token request refused";
	}

}
