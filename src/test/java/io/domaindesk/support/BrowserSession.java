package io.domaindesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser over real HTTP: cookies, the CSRF token of the last page, HTML
 * accepted. For what MockMvc does not do, such as error pages rendered by the servlet
 * container's error dispatch, and sessions stored in PostgreSQL.
 */
public final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private final String base;

	private String csrfToken;

	public BrowserSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public static BrowserSession loggedIn(int port, String username, String password) {
		BrowserSession session = new BrowserSession(port);
		session.get("/login");
		HttpResponse<String> response = session.post("/login", Map.of("username", username, "password", password));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login failed for " + username + ": " + response.statusCode());
		}
		return session;
	}

	/**
	 * The value of a cookie this browser holds (such as {@code SESSION}), to hand it to
	 * another instance.
	 */
	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html").GET().build());
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		return postMulti(path, form, null, List.of());
	}

	/**
	 * A form with, besides {@code form}, one field repeated once per value (ticked
	 * checkboxes).
	 */
	public HttpResponse<String> postMulti(String path, Map<String, String> form, String repeated, List<String> values) {
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		for (String value : values) {
			body = body + (body.isEmpty() ? "" : "&") + encode(repeated) + "=" + encode(value);
		}
		if (this.csrfToken != null) {
			body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(this.csrfToken);
		}
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrfToken = token.group(1);
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
