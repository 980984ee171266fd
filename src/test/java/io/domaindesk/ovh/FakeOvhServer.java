package io.domaindesk.ovh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OVHcloud look-alike on 127.0.0.1 that checks signatures and timestamps the way
 * OVHcloud does, with its own (possibly wrong) clock.
 */
final class FakeOvhServer implements AutoCloseable {

	static final String AK = "TDPKJdwZwAQPwKX2";

	static final String AS = "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk";

	static final String CK = "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY";

	static final String QUERY_ID = "EU.ext-3.63ac85b6.10528.27b4f1fc";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();

	final List<Recorded> requests = new CopyOnWriteArrayList<>();

	volatile long clockOffsetSeconds;

	volatile boolean checkSignatures = true;

	record Recorded(String method, String path, String query, Headers headers, String body) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	record Reply(int status, String body, Map<String, String> headers, long delayMillis) {

		static Reply json(String body) {
			return new Reply(200, body, Map.of(), 0);
		}

		static Reply of(int status, String body) {
			return new Reply(status, body, Map.of(), 0);
		}

		Reply withHeader(String name, String value) {
			Map<String, String> all = new java.util.HashMap<>(this.headers);
			all.put(name, value);
			return new Reply(this.status, this.body, all, this.delayMillis);
		}

		Reply delayed(long millis) {
			return new Reply(this.status, this.body, this.headers, millis);
		}

	}

	FakeOvhServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String baseUrl() {
		return origin() + "/1.0";
	}

	OvhConnection connection() {
		return OvhConnection.ofKeys(baseUrl(), AK, AS, CK).withRequestsPerMinute(60_000);
	}

	FakeOvhServer on(String method, String path, Function<Recorded, Reply> handler) {
		this.routes.put(method + " " + path, handler);
		return this;
	}

	FakeOvhServer on(String method, String path, String json) {
		return on(method, path, (request) -> Reply.json(json));
	}

	long now() {
		return System.currentTimeMillis() / 1000 + this.clockOffsetSeconds;
	}

	List<Recorded> requests(String method, String path) {
		return this.requests.stream().filter((r) -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String rawPath = exchange.getRequestURI().getRawPath();
			String path = rawPath.startsWith("/1.0") ? rawPath.substring(4) : rawPath;
			String query = exchange.getRequestURI().getRawQuery();
			Recorded request = new Recorded(exchange.getRequestMethod(), path, query, exchange.getRequestHeaders(),
					body);
			this.requests.add(request);
			Reply reply;
			if (path.equals("/auth/time")) {
				reply = Reply.json(Long.toString(now()));
			}
			else {
				reply = checkAuth(exchange, request);
				if (reply == null) {
					Function<Recorded, Reply> route = this.routes.get(request.method() + " " + path);
					reply = (route != null) ? route.apply(request) : Reply.of(404,
							"{\"class\":\"Client::NotFound\",\"message\":\"Got an invalid (or empty) URL\"}");
				}
			}
			if (reply.delayMillis() > 0) {
				try {
					Thread.sleep(reply.delayMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			byte[] bytes = (reply.body() != null) ? reply.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.getResponseHeaders().add("X-OVH-QUERYID", QUERY_ID);
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			if (bytes.length > 0 && reply.body().startsWith("<")) {
				exchange.getResponseHeaders().add("Content-Type", "text/html");
			}
			else if (bytes.length > 0) {
				exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
			}
			exchange.sendResponseHeaders(reply.status(), (bytes.length > 0) ? bytes.length : -1);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
		catch (IOException ex) {
			// the client hung up (timeout tests)
		}
	}

	private Reply checkAuth(HttpExchange exchange, Recorded request) {
		String signature = request.header("X-Ovh-Signature");
		if (!this.checkSignatures || signature == null) {
			return null;
		}
		long timestamp = Long.parseLong(request.header("X-Ovh-Timestamp"));
		if (Math.abs(timestamp - now()) > 300) {
			return Reply.of(400,
					"{\"errorCode\":\"INVALID_SIGNATURE\",\"httpCode\":\"400 Bad Request\",\"message\":\"Invalid signature\"}");
		}
		String url = origin() + exchange.getRequestURI().toString();
		String expected = OvhSigner.sign(AS, request.header("X-Ovh-Consumer"), request.method(), url, request.body(),
				timestamp);
		if (!expected.equals(signature) || !AK.equals(request.header("X-Ovh-Application"))) {
			return Reply.of(400, "{\"class\":\"Client::BadRequest\",\"message\":\"Invalid signature\"}");
		}
		return null;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
