package io.domaindesk.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny OVHcloud client for the tests, written apart from the app's client: it signs
 * with its own code and sends exactly the bytes it signed.
 */
final class SandboxClient {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String applicationKey;

	private final String applicationSecret;

	private final String consumerKey;

	private long delta;

	private Duration timeout = Duration.ofSeconds(30);

	SandboxClient(int port, String applicationKey, String applicationSecret, String consumerKey) {
		this.base = "http://localhost:" + port + "/ovh-sandbox/1.0";
		this.applicationKey = applicationKey;
		this.applicationSecret = applicationSecret;
		this.consumerKey = consumerKey;
	}

	static SandboxClient exemple(int port) {
		return new SandboxClient(port, "dd-demo-ak-exemple", "dd-demo-as-exemple-0123456789abcdef",
				"dd-demo-ck-exemple-0123456789abcdef")
			.sync();
	}

	static SandboxClient nord(int port) {
		return new SandboxClient(port, "dd-demo-ak-nord", "dd-demo-as-nord-0123456789abcdef",
				"dd-demo-ck-nord-0123456789abcdef")
			.sync();
	}

	SandboxClient withTimeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	String base() {
		return this.base;
	}

	/**
	 * Computes the time delta from {@code GET /auth/time}, as every official wrapper
	 * does.
	 */
	SandboxClient sync() {
		long server = anonymous("GET", "/auth/time", null, Map.of()).json().asLong();
		this.delta = server - System.currentTimeMillis() / 1000;
		return this;
	}

	long serverTime() {
		return System.currentTimeMillis() / 1000 + this.delta;
	}

	Response get(String path) {
		return call("GET", path, null, Map.of());
	}

	Response get(String path, Map<String, String> headers) {
		return call("GET", path, null, headers);
	}

	Response post(String path, String body) {
		return call("POST", path, body, Map.of());
	}

	Response put(String path, String body) {
		return call("PUT", path, body, Map.of());
	}

	Response call(String method, String path, String body, Map<String, String> extra) {
		String timestamp = Long.toString(serverTime());
		String url = this.base + path;
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Ovh-Application", this.applicationKey);
		headers.put("X-Ovh-Consumer", this.consumerKey);
		headers.put("X-Ovh-Timestamp", timestamp);
		headers.put("X-Ovh-Signature",
				TestSigner.sign(this.applicationSecret, this.consumerKey, method, url, body, timestamp));
		headers.putAll(extra);
		return send(method, url, body, headers);
	}

	Response anonymous(String method, String path, String body, Map<String, String> headers) {
		return send(method, this.base + path, body, headers);
	}

	Response send(String method, String url, String body, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(this.timeout);
		headers.forEach(builder::header);
		if (body != null) {
			builder.header("Content-Type", "application/json");
			builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.http.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().map(), response.body(), method, url);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, Map<String, java.util.List<String>> headers, String body, String method, String url) {

		JsonNode json() {
			return MAPPER.readTree(this.body);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.method + " " + this.url + " -> " + this.status + " " + this.body;
		}

	}

}
