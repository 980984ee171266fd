package io.domaindesk.domains;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The columns a domain export can hold, in their export order.
 */
enum ExportColumn {

	NAME("name", DomainRow::name), UNICODE_NAME("unicodeName", DomainRow::unicodeName), TLD("tld", DomainRow::tld),
	STATE("state", DomainRow::state), SUSPENSION("suspensionState", DomainRow::suspensionState),
	EXPIRES("expiresAt", r -> date(r.expiresAt())), RENEWAL("renewalAt", r -> date(r.renewalAt())),
	RENEWAL_STATE("renewalState", DomainRow::renewalState), ADMIN("contactAdmin", DomainRow::contactAdmin),
	TECH("contactTech", DomainRow::contactTech), BILLING("contactBilling", DomainRow::contactBilling),
	OWNER_ID("ownerContactId", DomainRow::ownerContactId), OWNER_NAME("ownerName", DomainRow::ownerName),
	OWNER_ORGANISATION("ownerOrganisation", DomainRow::ownerOrganisation),
	PENDING("pendingOperations", r -> Integer.toString(r.pendingOperations())),
	EXTERNAL_CHANGE("externalChangeAt", r -> date(r.externalChangeAt())),
	LAST_SYNCED("lastSyncedAt", r -> date(r.lastSyncedAt()));

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final String key;

	private final Function<DomainRow, String> value;

	ExportColumn(String key, Function<DomainRow, String> value) {
		this.key = key;
		this.value = value;
	}

	public String key() {
		return this.key;
	}

	String valueOf(DomainRow row) {
		return this.value.apply(row);
	}

	/**
	 * The chosen columns in export order; unknown names are ignored, nothing chosen means
	 * all.
	 */
	static List<ExportColumn> chosen(List<String> keys) {
		if (keys == null || keys.isEmpty()) {
			return List.of(values());
		}
		List<ExportColumn> columns = Arrays.stream(values()).filter(c -> keys.contains(c.key)).toList();
		return columns.isEmpty() ? List.of(values()) : columns;
	}

	private static String date(Instant instant) {
		return (instant != null) ? ISO.format(instant) : "";
	}

}
