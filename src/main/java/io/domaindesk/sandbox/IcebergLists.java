package io.domaindesk.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * List answers. Without {@code X-Pagination-Mode} a list is an array of ids, as
 * documented. With it (OVHcloud's undocumented "Iceberg" mode used by its own UIs) the
 * page of full objects is returned with {@code X-Pagination-*} headers. Switchable, to
 * test fallbacks.
 */
@Component
@ConditionalOnSandbox
class IcebergLists {

	static final int DEFAULT_PAGE_SIZE = 5000;

	/** How long a walk's list of ids is served from the cache. */
	static final Duration CACHE_TTL = Duration.ofMinutes(10);

	private final AtomicBoolean enabled;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(List<String> ids, long version, long readAt) {

	}

	IcebergLists(SandboxProperties properties) {
		this.enabled = new AtomicBoolean(properties.iceberg());
	}

	void setEnabled(boolean enabled) {
		this.enabled.set(enabled);
	}

	boolean enabled() {
		return this.enabled.get();
	}

	/**
	 * The ids of a list, read when a walk starts ({@code Pragma: no-cache}, which the
	 * client's first page sends), when {@code version} moved since they were read (the
	 * list may have changed) or after {@link #CACHE_TTL}; the walk's further pages reuse
	 * them. Without this, each page of a list of 100,000 domains read and sorted every id
	 * again: the emulator's own cost, which a remote OVHcloud does not put on our
	 * machine. Plain (non-Iceberg) lists are always read afresh.
	 * @param key the list and who asks for it
	 * @param version a count that moves whenever the list may have changed
	 */
	List<String> ids(HttpServletRequest request, String key, long version, Supplier<List<String>> read) {
		String mode = request.getHeader("X-Pagination-Mode");
		if (!this.enabled.get() || mode == null || !mode.startsWith("CachedObjectList")) {
			return read.get();
		}
		long now = System.nanoTime();
		Cached cached = this.cache.get(key);
		if (cached == null || cached.version() != version || "no-cache".equalsIgnoreCase(request.getHeader("Pragma"))
				|| now - cached.readAt() > CACHE_TTL.toNanos()) {
			this.cache.values().removeIf((old) -> now - old.readAt() > CACHE_TTL.toNanos());
			cached = new Cached(List.copyOf(read.get()), version, now);
			this.cache.put(key, cached);
		}
		return cached.ids();
	}

	/**
	 * @param ids the ids, in list order
	 * @param numeric whether ids are longs (tasks) or strings (domains)
	 * @param loader loads the documents of some ids, in any order, in their public view
	 */
	ResponseEntity<JsonNode> respond(HttpServletRequest request, List<String> ids, boolean numeric,
			Function<List<String>, List<ObjectNode>> loader, String idField) {
		String mode = request.getHeader("X-Pagination-Mode");
		if (!this.enabled.get() || mode == null || !mode.startsWith("CachedObjectList")) {
			ArrayNode array = Json.array();
			ids.forEach((id) -> {
				if (numeric) {
					array.add(Long.parseLong(id));
				}
				else {
					array.add(id);
				}
			});
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(array);
		}
		String filter = request.getHeader("X-Pagination-Filter");
		String sort = request.getHeader("X-Pagination-Sort");
		String order = request.getHeader("X-Pagination-Sort-Order");
		boolean pages = "CachedObjectList-Pages".equals(mode);
		int size = pages ? parse(request.getHeader("X-Pagination-Size"), DEFAULT_PAGE_SIZE) : Integer.MAX_VALUE;
		int number = pages ? parse(request.getHeader("X-Pagination-Number"), 1) : 1;
		List<ObjectNode> page;
		int total;
		if (filter == null && sort == null) {
			// Cheap path: only the requested page is loaded, which matters with 100,000
			// domains.
			total = ids.size();
			int from = (int) Math.min((long) (number - 1) * size, total);
			List<String> pageIds = ids.subList(from, (int) Math.min((long) from + size, total));
			page = ordered(pageIds, loader.apply(pageIds), idField);
		}
		else {
			List<ObjectNode> all = new ArrayList<>(ordered(ids, loader.apply(ids), idField));
			if (filter != null) {
				all.removeIf((doc) -> !IcebergFilter.matches(doc, filter));
			}
			if (sort != null) {
				Comparator<ObjectNode> comparator = Comparator
					.comparing((doc) -> String.valueOf(OwnerRules.value(doc, sort)));
				all.sort("DESC".equalsIgnoreCase(order) ? comparator.reversed() : comparator);
			}
			total = all.size();
			int from = (int) Math.min((long) (number - 1) * size, total);
			page = all.subList(from, (int) Math.min((long) from + size, total));
		}
		ArrayNode array = Json.array();
		page.forEach(array::add);
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Pagination-Elements", Integer.toString(total));
		headers.set("X-Pagination-Mode", mode);
		if (pages) {
			headers.set("X-Pagination-Number", Integer.toString(number));
			headers.set("X-Pagination-Size", Integer.toString(size));
		}
		if (sort != null) {
			headers.set("X-Pagination-Sort", sort);
			headers.set("X-Pagination-Sort-Order", (order != null) ? order : "ASC");
		}
		return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(array);
	}

	private static List<ObjectNode> ordered(List<String> ids, List<ObjectNode> docs, String idField) {
		Map<String, ObjectNode> byId = new HashMap<>();
		docs.forEach((doc) -> byId.put(Json.text(doc, idField), doc));
		List<ObjectNode> result = new ArrayList<>(ids.size());
		ids.forEach((id) -> {
			ObjectNode doc = byId.get(id);
			if (doc != null) {
				result.add(doc);
			}
		});
		return result;
	}

	private static int parse(String value, int fallback) {
		try {
			return (value != null) ? Math.max(1, Integer.parseInt(value.trim())) : fallback;
		}
		catch (NumberFormatException ex) {
			throw OvhError.badRequest("Invalid pagination header: " + value);
		}
	}

}
