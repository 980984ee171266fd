package io.domaindesk.domains;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters, sort and page of the domain list, exactly as they appear in the URL so
 * that a filtered list can be bookmarked, shared and navigated with the back button.
 * Out-of-range values fall back to defaults instead of failing.
 * <p>
 * Paging is by keyset: {@code after} / {@code before} name the domain (ASCII name, unique
 * in the agency) next to which the page starts, and {@code last} reads the list from its
 * other end, so the last page costs what the first costs. {@code page} (an offset) is
 * still honoured for bookmarks made before.
 */
record DomainFilter(String q, String nic, String role, String tld, String state, Integer expiresWithin, Boolean pending,
		Boolean drift, Boolean gone, String sort, String dir, Integer page, Integer size, Long client, String after,
		String before, Boolean last) {

	/** A cursor is a domain name: anything else is ignored (first page). */
	private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("[a-z0-9._-]{1,255}");

	static final int[] PAGE_SIZES = { 25, 50, 100 };

	static final Map<String, String> SORTS = Map.of("name", "d.unicode_name", "expiry", "d.expires_at", "state",
			"d.state");

	DomainFilter {
		q = blankToNull(q);
		nic = (blankToNull(nic) != null) ? nic.strip().toLowerCase(Locale.ROOT) : null;
		role = parseRole(role).name().toLowerCase(Locale.ROOT);
		tld = (blankToNull(tld) != null) ? tld.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "") : null;
		state = blankToNull(state);
		expiresWithin = (expiresWithin != null && expiresWithin >= 0 && expiresWithin <= 3650) ? expiresWithin : null;
		pending = Boolean.TRUE.equals(pending);
		drift = Boolean.TRUE.equals(drift);
		gone = Boolean.TRUE.equals(gone);
		sort = (sort != null && SORTS.containsKey(sort)) ? sort : "name";
		dir = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
		page = (page != null && page >= 1) ? page : 1;
		size = (size != null && (size == 25 || size == 50 || size == 100)) ? size : 25;
		client = (client != null && client > 0) ? client : null;
		last = Boolean.TRUE.equals(last);
		after = (!last && cursor(after) != null) ? cursor(after) : null;
		before = (!last && after == null && cursor(before) != null) ? cursor(before) : null;
		if (last || after != null || before != null) {
			page = 1;
		}
	}

	DomainFilter(String q, String nic, String role, String tld, String state, Integer expiresWithin, Boolean pending,
			Boolean drift, Boolean gone, String sort, String dir, Integer page, Integer size, Long client) {
		this(q, nic, role, tld, state, expiresWithin, pending, drift, gone, sort, dir, page, size, client, null, null,
				null);
	}

	static DomainFilter none() {
		return new DomainFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** Whether this page is found by keyset (a cursor or the last page). */
	public boolean keyset() {
		return this.last || this.after != null || this.before != null;
	}

	/** The first page of the same list. */
	public DomainFilter firstPage() {
		return withPage(1);
	}

	public DomainFilter afterName(String name) {
		return new DomainFilter(this.q, this.nic, this.role, this.tld, this.state, this.expiresWithin, this.pending,
				this.drift, this.gone, this.sort, this.dir, 1, this.size, this.client, name, null, null);
	}

	public DomainFilter beforeName(String name) {
		return new DomainFilter(this.q, this.nic, this.role, this.tld, this.state, this.expiresWithin, this.pending,
				this.drift, this.gone, this.sort, this.dir, 1, this.size, this.client, null, name, null);
	}

	public DomainFilter lastPage() {
		return new DomainFilter(this.q, this.nic, this.role, this.tld, this.state, this.expiresWithin, this.pending,
				this.drift, this.gone, this.sort, this.dir, 1, this.size, this.client, null, null, true);
	}

	public long offset() {
		return (long) (this.page - 1) * this.size;
	}

	public boolean filtered() {
		return this.q != null || filteredBesidesSearch();
	}

	/**
	 * Whether anything but the search narrows the list (the gone list included): each
	 * such filter has an index of its own, agency first.
	 */
	boolean filteredBesidesSearch() {
		return this.nic != null || this.tld != null || this.state != null || this.expiresWithin != null || this.pending
				|| this.drift || this.gone || this.client != null;
	}

	public DomainFilter withPage(int newPage) {
		return new DomainFilter(this.q, this.nic, this.role, this.tld, this.state, this.expiresWithin, this.pending,
				this.drift, this.gone, this.sort, this.dir, newPage, this.size, this.client);
	}

	public DomainFilter sortedBy(String newSort) {
		String newDir = (newSort.equals(this.sort) && this.dir.equals("asc")) ? "desc" : "asc";
		return new DomainFilter(this.q, this.nic, this.role, this.tld, this.state, this.expiresWithin, this.pending,
				this.drift, this.gone, newSort, newDir, 1, this.size, this.client);
	}

	/** The query string of this filter, defaults left out, for links and the export. */
	public String query() {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		params().forEach(uri::queryParam);
		String query = uri.build().encode().getQuery();
		return (query != null) ? query : "";
	}

	public String url(String path) {
		String query = query();
		return query.isEmpty() ? path : path + "?" + query;
	}

	public Map<String, Object> params() {
		Map<String, Object> params = new LinkedHashMap<>();
		putIf(params, "q", this.q);
		putIf(params, "nic", this.nic);
		if (this.nic != null && nicRole() != NicRole.ANY) {
			params.put("role", this.role);
		}
		putIf(params, "tld", this.tld);
		putIf(params, "state", this.state);
		putIf(params, "expiresWithin", this.expiresWithin);
		if (this.pending) {
			params.put("pending", true);
		}
		if (this.drift) {
			params.put("drift", true);
		}
		if (this.gone) {
			params.put("gone", true);
		}
		putIf(params, "client", this.client);
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
		putIf(params, "after", this.after);
		putIf(params, "before", this.before);
		if (this.last) {
			params.put("last", true);
		}
		return params;
	}

	public NicRole nicRole() {
		return parseRole(this.role);
	}

	private static NicRole parseRole(String value) {
		for (NicRole candidate : NicRole.values()) {
			if (candidate.name().equalsIgnoreCase((value != null) ? value.strip() : "")) {
				return candidate;
			}
		}
		return NicRole.ANY;
	}

	private static void putIf(Map<String, Object> params, String name, Object value) {
		if (value != null) {
			params.put(name, value);
		}
	}

	private static String cursor(String value) {
		String name = blankToNull(value);
		return (name != null && CURSOR.matcher(name).matches()) ? name : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
