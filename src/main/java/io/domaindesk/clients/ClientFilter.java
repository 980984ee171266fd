package io.domaindesk.clients;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Search, sort and page of the client list, as they appear in the URL. Out-of-range
 * values fall back to defaults instead of failing.
 */
record ClientFilter(String q, String sort, String dir, Integer page, Integer size) {

	/** Each sort has its index: agency first, then the sort key and the id. */
	static final Map<String, String> SORTS = Map.of("name", "c.sort_name", "domains", "c.domain_count", "expiry",
			"c.next_expiry");

	ClientFilter {
		q = (q == null || q.isBlank()) ? null : ClientIdentity.cut(q.strip(), 100);
		sort = (sort != null && SORTS.containsKey(sort)) ? sort : "name";
		dir = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
		page = (page != null && page >= 1 && page <= 100_000) ? page : 1;
		size = (size != null && (size == 25 || size == 50 || size == 100)) ? size : 25;
	}

	long offset() {
		return (long) (this.page - 1) * this.size;
	}

	public ClientFilter withPage(int newPage) {
		return new ClientFilter(this.q, this.sort, this.dir, newPage, this.size);
	}

	public ClientFilter sortedBy(String newSort) {
		String newDir = (newSort.equals(this.sort) && this.dir.equals("asc")) ? "desc" : "asc";
		return new ClientFilter(this.q, newSort, newDir, 1, this.size);
	}

	public String url(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		params().forEach(uri::queryParam);
		return uri.build().encode().toUriString();
	}

	public Map<String, Object> params() {
		Map<String, Object> params = new LinkedHashMap<>();
		if (this.q != null) {
			params.put("q", this.q);
		}
		if (!this.sort.equals("name") || this.dir.equals("desc")) {
			params.put("sort", this.sort);
			params.put("dir", this.dir);
		}
		if (this.page > 1) {
			params.put("page", this.page);
		}
		if (this.size != 25) {
			params.put("size", this.size);
		}
		return params;
	}

}
