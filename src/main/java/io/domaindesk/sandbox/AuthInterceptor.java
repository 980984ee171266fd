package io.domaindesk.sandbox;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the four {@code X-Ovh-*} headers the way OVHcloud does. It runs once the route
 * is known, because whether a signature is needed is a property of the route
 * ({@link NoAuthentication}).
 */
class AuthInterceptor implements HandlerInterceptor {

	static final long MAX_SKEW_SECONDS = 300;

	private final Credentials credentials;

	private final SandboxClock clock;

	private final Ticker ticker;

	private final ClockSkews skews;

	AuthInterceptor(Credentials credentials, SandboxClock clock, Ticker ticker, ClockSkews skews) {
		this.credentials = credentials;
		this.clock = clock;
		this.ticker = ticker;
		this.skews = skews;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		this.ticker.tick();
		boolean noAuthentication = method.hasMethodAnnotation(NoAuthentication.class);
		boolean signed = request.getHeader("X-Ovh-Consumer") != null || request.getHeader("X-Ovh-Signature") != null
				|| request.getHeader("X-Ovh-Timestamp") != null;
		if (noAuthentication && !signed) {
			request.setAttribute(Caller.ATTRIBUTE, new Caller(null, null, request.getHeader("X-Ovh-Application")));
			return true;
		}
		request.setAttribute(Caller.ATTRIBUTE, authenticate(request));
		return true;
	}

	private Caller authenticate(HttpServletRequest request) {
		String applicationKey = request.getHeader("X-Ovh-Application");
		SandboxProperties.Account application = (applicationKey != null)
				? this.credentials.application(applicationKey).orElse(null) : null;
		if (application == null) {
			throw OvhError.legacy(HttpStatus.FORBIDDEN, "INVALID_KEY", "This application key is invalid");
		}
		String consumerKey = request.getHeader("X-Ovh-Consumer");
		if (consumerKey == null) {
			throw OvhError.legacy(HttpStatus.FORBIDDEN, "NOT_CREDENTIAL", "You must login first");
		}
		Credentials.Credential credential = this.credentials.find(consumerKey)
			.filter((found) -> found.applicationKey().equals(applicationKey))
			.orElseThrow(
					() -> OvhError.legacy(HttpStatus.FORBIDDEN, "NOT_CREDENTIAL", "This credential does not exist"));
		String timestamp = request.getHeader("X-Ovh-Timestamp");
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw invalidSignature();
		}
		long now = this.clock.epochSeconds() + this.skews.checked(credential.nichandle());
		if (Math.abs(seconds - now) > MAX_SKEW_SECONDS) {
			throw OvhError.legacy(HttpStatus.BAD_REQUEST, "QUERY_TIME_OUT", "Query out of time");
		}
		byte[] raw = (byte[]) request.getAttribute(SandboxFilter.RAW_BODY);
		String body = (raw != null) ? new String(raw, StandardCharsets.UTF_8) : "";
		String expected = Signer.sign(application.applicationSecret(), consumerKey, request.getMethod(),
				fullUrl(request), body, timestamp);
		if (!Signer.matches(expected, request.getHeader("X-Ovh-Signature"))) {
			throw invalidSignature();
		}
		if (!"validated".equals(credential.state())) {
			throw OvhError.legacy(HttpStatus.FORBIDDEN, "INVALID_CREDENTIAL", "This credential is not valid");
		}
		String path = SandboxFilter.apiPath(request).substring(SandboxFilter.PREFIX.length());
		if (!credential.grants(request.getMethod(), path)) {
			throw OvhError.legacy(HttpStatus.FORBIDDEN, "NOT_GRANTED_CALL", "This call has not been granted");
		}
		this.credentials.touch(credential);
		return new Caller(credential.nichandle(), consumerKey, applicationKey);
	}

	private static OvhError invalidSignature() {
		return OvhError.legacy(HttpStatus.BAD_REQUEST, "INVALID_SIGNATURE", "Invalid signature");
	}

	/**
	 * The URL exactly as the client wrote it: the Host header keeps the port as sent, and
	 * the URI and query string are taken raw, never decoded.
	 */
	static String fullUrl(HttpServletRequest request) {
		String host = request.getHeader("Host");
		String base = (host != null) ? request.getScheme() + "://" + host
				: request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		String query = request.getQueryString();
		return base + request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

}
