package io.domaindesk.sandbox;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Front door of the API: stamps every answer with an {@code X-Ovh-QueryID}, keeps the raw
 * body bytes for the signature check, then applies injected latency, faults and the rate
 * limit before anything else runs (as a load balancer in front of OVHcloud would).
 */
class SandboxFilter extends OncePerRequestFilter {

	static final String PREFIX = "/ovh-sandbox/1.0";

	static final String RAW_BODY = SandboxFilter.class.getName() + ".body";

	private final Faults faults;

	private final RateLimiter rateLimiter;

	private final SandboxProperties properties;

	private final CallLog calls;

	SandboxFilter(Faults faults, RateLimiter rateLimiter, SandboxProperties properties, CallLog calls) {
		this.faults = faults;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
		this.calls = calls;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !apiPath(request).startsWith(PREFIX);
	}

	static String apiPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Ovh-QueryID",
				"SANDBOX.ws-1." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
		String path = apiPath(request).substring(PREFIX.length());
		String method = request.getMethod();
		this.calls.record(method, path);
		sleep(this.faults.latency(method, path));
		Optional<SandboxProperties.FaultKind> fault = this.faults.pick(method, path);
		if (fault.isPresent() && inject(fault.get(), response)) {
			return;
		}
		if (!this.rateLimiter.allow(request.getHeader("X-Ovh-Consumer"))) {
			writeJson(response, 429, "{\"class\":\"Client::TooManyRequests\",\"message\":\"Too many requests\"}");
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		request.setAttribute(RAW_BODY, body);
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	/** Returns true when the fault already produced the whole answer. */
	private boolean inject(SandboxProperties.FaultKind kind, HttpServletResponse response) throws IOException {
		switch (kind) {
			case TOO_MANY_REQUESTS ->
				writeJson(response, 429, "{\"class\":\"Client::TooManyRequests\",\"message\":\"Too many requests\"}");
			case SERVICE_UNAVAILABLE -> writeJson(response, 503,
					"{\"class\":\"Server::ServiceUnavailable\",\"message\":\"Service is temporarily unavailable\"}");
			case SERVER_ERROR_HTML -> {
				response.setStatus(500);
				response.setContentType("text/html;charset=UTF-8");
				response.getWriter()
					.write("<html><head><title>500 Internal Server Error</title></head><body>"
							+ "<h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>");
			}
			case READ_TIMEOUT -> {
				sleep(this.faults.readTimeout().toMillis());
				return false;
			}
			case CONNECTION_RESET -> {
				// Promise more than we send, then fail after commit: Tomcat closes the
				// socket at once.
				response.setStatus(200);
				response.setContentType("application/json");
				response.setContentLength(4096);
				response.getOutputStream().write("{\"domain\":\"".getBytes(StandardCharsets.UTF_8));
				response.flushBuffer();
				throw new ConnectionReset();
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	static void writeJson(HttpServletResponse response, int status, String json) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
	}

	private static void sleep(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Thrown after a partial answer so the container drops the connection. */
	static final class ConnectionReset extends RuntimeException {

		ConnectionReset() {
			super("Sandbox fault: connection reset", null, false, false);
		}

	}

	/** Replays the body bytes already read, so controllers can still bind it. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
