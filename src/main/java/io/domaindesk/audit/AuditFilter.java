package io.domaindesk.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters and page of the audit list, as they appear in the URL so that a filtered
 * list can be bookmarked and handed to an auditor. Paging is by keyset ({@code before} or
 * {@code after} an event id), never by offset, so page 500 costs what page 1 costs.
 * Unusable values fall back to "no filter" rather than failing.
 */
record AuditFilter(String from, String to, String user, String action, String domain, String outcome, Long before,
		Long after, Integer size) {

	static final int[] PAGE_SIZES = { 25, 50, 100 };

	AuditFilter {
		from = (date(from) != null) ? from.strip() : null;
		to = (date(to) != null) ? to.strip() : null;
		user = blankToNull(user);
		action = (blankToNull(action) != null) ? action.strip().toLowerCase(Locale.ROOT) : null;
		domain = (blankToNull(domain) != null) ? domain.strip().toLowerCase(Locale.ROOT) : null;
		outcome = outcome(outcome);
		before = (before != null && before > 0) ? before : null;
		after = (before == null && after != null && after > 0) ? after : null;
		size = (size != null && (size == 25 || size == 50 || size == 100)) ? size : 50;
	}

	static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null, null, null, null);
	}

	public LocalDate fromDate() {
		return date(this.from);
	}

	public LocalDate toDate() {
		return date(this.to);
	}

	public boolean filtered() {
		return this.from != null || this.to != null || this.user != null || this.action != null || this.domain != null
				|| this.outcome != null;
	}

	public AuditFilter before(long id) {
		return new AuditFilter(this.from, this.to, this.user, this.action, this.domain, this.outcome, id, null,
				this.size);
	}

	public AuditFilter after(long id) {
		return new AuditFilter(this.from, this.to, this.user, this.action, this.domain, this.outcome, null, id,
				this.size);
	}

	public AuditFilter firstPage() {
		return new AuditFilter(this.from, this.to, this.user, this.action, this.domain, this.outcome, null, null,
				this.size);
	}

	/** The filters only (no paging), for the export links and the audit of an export. */
	public Map<String, Object> filters() {
		Map<String, Object> params = new LinkedHashMap<>();
		putIf(params, "from", this.from);
		putIf(params, "to", this.to);
		putIf(params, "user", this.user);
		putIf(params, "action", this.action);
		putIf(params, "domain", this.domain);
		putIf(params, "outcome", this.outcome);
		return params;
	}

	public Map<String, Object> params() {
		Map<String, Object> params = filters();
		putIf(params, "before", this.before);
		putIf(params, "after", this.after);
		if (this.size != 50) {
			params.put("size", this.size);
		}
		return params;
	}

	public String url(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		params().forEach(uri::queryParam);
		return uri.build().encode().toUriString();
	}

	public String exportUrl(String format) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit/export").queryParam("format", format);
		filters().forEach(uri::queryParam);
		return uri.build().encode().toUriString();
	}

	private static String outcome(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (AuditOutcome candidate : AuditOutcome.values()) {
			if (candidate.name().equalsIgnoreCase(value.strip())) {
				return candidate.name();
			}
		}
		return null;
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static void putIf(Map<String, Object> params, String name, Object value) {
		if (value != null) {
			params.put(name, value);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
