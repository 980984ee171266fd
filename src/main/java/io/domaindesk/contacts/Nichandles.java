package io.domaindesk.contacts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OVHcloud nichandles ({@code ab12345-ovh}): compared and stored in lower case, as
 * OVHcloud answers them.
 */
final class Nichandles {

	private static final Pattern FORMAT = Pattern.compile("[a-z]{2,}[0-9]+-ovh");

	/** The three roles, by OVHcloud's field names, in display order. */
	static final String[] ROLES = { "contactAdmin", "contactTech", "contactBilling" };

	private Nichandles() {
	}

	static String normalise(String value) {
		return (value == null || value.isBlank()) ? null : value.strip().toLowerCase(Locale.ROOT);
	}

	static boolean valid(String normalised) {
		return normalised != null && FORMAT.matcher(normalised).matches();
	}

}
