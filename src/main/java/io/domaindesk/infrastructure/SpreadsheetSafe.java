package io.domaindesk.infrastructure;

/**
 * Neutralises text that a spreadsheet would run as a formula (OWASP "CSV injection"): a
 * cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a leading apostrophe, which spreadsheets show as text. Domain owners' names
 * come from OVHcloud, that is from whoever registered the domain.
 */
public final class SpreadsheetSafe {

	private SpreadsheetSafe() {
	}

	public static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return (value != null) ? value : "";
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

}
