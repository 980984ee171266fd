package io.domaindesk.domains;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Domain names in their two forms. OVHcloud names services in ASCII (punycode,
 * {@code xn--caf-dma.fr}); people type and read Unicode ({@code café.fr}), often without
 * the accent.
 */
final class DomainNames {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private DomainNames() {
	}

	static String toUnicode(String asciiName) {
		try {
			return IDN.toUnicode(asciiName, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			// A label OVHcloud accepted but the JDK cannot decode: show it as OVHcloud
			// names it.
			return asciiName;
		}
	}

	static String toAscii(String name) {
		try {
			return IDN.toASCII(name.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return name.strip().toLowerCase(Locale.ROOT);
		}
	}

	static String tld(String asciiName) {
		int dot = asciiName.lastIndexOf('.');
		return (dot >= 0) ? asciiName.substring(dot + 1).toLowerCase(Locale.ROOT) : asciiName.toLowerCase(Locale.ROOT);
	}

	/** Lower case and without accents: what search compares, on both sides. */
	static String searchKey(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip();
	}

	/**
	 * What the inventory stores for a domain so that either form, with or without
	 * accents, finds it.
	 */
	static String searchText(String asciiName, String unicodeName) {
		String ascii = searchKey(asciiName);
		String unicode = searchKey(unicodeName);
		return ascii.equals(unicode) ? ascii : ascii + " " + unicode;
	}

}
