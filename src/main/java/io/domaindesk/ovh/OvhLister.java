package io.domaindesk.ovh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * Reads a v1 list endpoint page by page. It asks for OVHcloud's undocumented Iceberg mode
 * (objects plus a total, one request per page) and falls back to the documented shape (an
 * array of ids, then one GET per object) whenever the server answers with ids.
 */
final class OvhLister<T> {

	private final OvhTransport transport;

	private final OvhPath listPath;

	private final JavaType itemType;

	private final Function<String, OvhPath> itemPath;

	private final Predicate<T> matchesQuery;

	/**
	 * @param matchesQuery whether an expanded object satisfies the query filters; Iceberg
	 * is undocumented, so if it ever ignores a filter we notice and fall back to ids
	 */
	OvhLister(OvhTransport transport, OvhPath listPath, Class<T> itemType, Function<String, OvhPath> itemPath,
			Predicate<T> matchesQuery) {
		this.transport = transport;
		this.listPath = listPath;
		this.itemType = transport.mapper().constructType(itemType);
		this.itemPath = itemPath;
		this.matchesQuery = matchesQuery;
	}

	/**
	 * The ids alone, in one plain request.
	 */
	List<String> ids() {
		OvhTransport.Response response = this.transport.exchange(OvhTransport.Call.get(this.listPath));
		return idsOf(parse(response));
	}

	OvhPage<T> page(int number, int size) {
		if (number < 1 || size < 1) {
			throw new IllegalArgumentException("page number and size start at 1");
		}
		Expanded<T> expanded = expanded(number, size);
		if (expanded.page != null) {
			return expanded.page;
		}
		List<String> ids = expanded.ids;
		int from = (int) Math.min((long) (number - 1) * size, ids.size());
		int to = Math.min(from + size, ids.size());
		return fetch(ids.subList(from, to), number, size, ids.size(), expanded.requests);
	}

	void forEachPage(int size, Consumer<OvhPage<T>> consumer) {
		Expanded<T> first = expanded(1, size);
		if (first.page != null) {
			OvhPage<T> page = first.page;
			consumer.accept(page);
			int number = 1;
			while (hasMore(page)) {
				number++;
				Expanded<T> next = expanded(number, size);
				if (next.page == null) {
					// The server changed its mind mid-way: restart from the ids, skipping
					// what was seen.
					emitIds(next.ids, size, number, consumer, next.requests);
					return;
				}
				page = next.page;
				consumer.accept(page);
			}
			return;
		}
		emitIds(first.ids, size, 1, consumer, first.requests);
	}

	/**
	 * The whole list, objects (every Iceberg page) or ids (one plain answer), never an
	 * object read one by one.
	 */
	OvhListing<T> listing(int size) {
		Expanded<T> first = expanded(1, size);
		if (first.page == null) {
			return new OvhListing<>(null, first.ids, first.requests);
		}
		List<T> items = new ArrayList<>(first.page.items());
		OvhPage<T> page = first.page;
		int requests = first.requests;
		int number = 1;
		while (hasMore(page)) {
			number++;
			Expanded<T> next = expanded(number, size);
			requests += next.requests;
			if (next.page == null) {
				return new OvhListing<>(null, next.ids, requests);
			}
			page = next.page;
			items.addAll(page.items());
		}
		return new OvhListing<>(items, null, requests);
	}

	List<T> all(int size) {
		List<T> all = new ArrayList<>();
		forEachPage(size, (page) -> all.addAll(page.items()));
		return all;
	}

	private void emitIds(List<String> ids, int size, int fromPage, Consumer<OvhPage<T>> consumer, int extra) {
		int pages = Math.max(1, (ids.size() + size - 1) / size);
		int requests = extra;
		for (int number = fromPage; number <= pages; number++) {
			int from = Math.min((number - 1) * size, ids.size());
			int to = Math.min(from + size, ids.size());
			consumer.accept(fetch(ids.subList(from, to), number, size, ids.size(), requests));
			requests = 0;
		}
	}

	private static boolean hasMore(OvhPage<?> page) {
		return !page.items().isEmpty() && !page.isLast();
	}

	/**
	 * Holds either an expanded page, or the ids to read one by one.
	 */
	private record Expanded<T>(OvhPage<T> page, List<String> ids, int requests) {

	}

	private Expanded<T> expanded(int number, int size) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		headers.put("X-Pagination-Mode", "CachedObjectList-Pages");
		headers.put("X-Pagination-Size", Integer.toString(size));
		headers.put("X-Pagination-Number", Integer.toString(number));
		if (number == 1) {
			// Iceberg serves a cached list; a new walk must see recent changes.
			headers.put("Pragma", "no-cache");
		}
		OvhTransport.Call call = new OvhTransport.Call("GET", this.listPath, null, OvhTransport.Auth.REQUIRED, headers);
		OvhTransport.Response response = this.transport.exchange(call);
		JsonNode array = parse(response);
		if (!array.isEmpty() && !array.get(0).isObject()) {
			return new Expanded<>(null, idsOf(array), 1);
		}
		List<T> items = new ArrayList<>(array.size());
		for (JsonNode node : array) {
			items.add(this.transport.mapper().treeToValue(node, this.itemType));
		}
		if (this.matchesQuery != null && !items.stream().allMatch(this.matchesQuery)) {
			return new Expanded<>(null, ids(), 2);
		}
		long total = headerLong(response, "X-Pagination-Elements");
		if (total < 0 && items.size() < size) {
			total = (long) (number - 1) * size + items.size();
		}
		return new Expanded<>(new OvhPage<>(items, number, size, total, true, 1), null, 1);
	}

	private OvhPage<T> fetch(List<String> ids, int number, int size, long total, int requestsSoFar) {
		if (ids.isEmpty()) {
			return new OvhPage<>(List.of(), number, size, total, false, requestsSoFar);
		}
		int threads = Math.min(this.transport.properties().listConcurrency(), ids.size());
		AtomicInteger counter = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "ovh-list-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<T>> futures = new ArrayList<>(ids.size());
			for (String id : ids) {
				futures.add(executor.submit(() -> readOne(id)));
			}
			List<T> items = new ArrayList<>(ids.size());
			for (Future<T> future : futures) {
				T item = future.get();
				if (item != null) {
					items.add(item);
				}
			}
			return new OvhPage<>(items, number, size, total, false, requestsSoFar + ids.size());
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OvhException.NetworkError(
					new OvhException.Failure(0, null, "interrupted", null, null, "GET", this.listPath.template()), ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private T readOne(String id) {
		try {
			return this.transport.call(OvhTransport.Call.get(this.itemPath.apply(id)), this.itemType);
		}
		catch (OvhException.NotFound ex) {
			// Deleted between the list and the read: not part of the list any more.
			return null;
		}
	}

	private JsonNode parse(OvhTransport.Response response) {
		JsonNode node = response.body().isBlank() ? this.transport.mapper().createArrayNode()
				: this.transport.mapper().readTree(response.body());
		if (!node.isArray()) {
			throw new OvhException(new OvhException.Failure(response.status(), null, "expected a JSON array", null,
					response.header("X-Ovh-QueryID"), "GET", this.listPath.template()), null);
		}
		return node;
	}

	private static List<String> idsOf(JsonNode array) {
		List<String> ids = new ArrayList<>(array.size());
		for (JsonNode node : array) {
			ids.add(node.asString());
		}
		return ids;
	}

	private static long headerLong(OvhTransport.Response response, String name) {
		String value = response.header(name);
		if (value == null) {
			return -1;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
