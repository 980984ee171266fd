package io.domaindesk.notifications;

import java.util.Locale;

/**
 * Mail goes out in French or English: anything else falls back to French, the language of
 * the agencies' clients.
 */
final class Languages {

	private Languages() {
	}

	static Locale supported(Locale locale) {
		return (locale != null && locale.getLanguage().equals("en")) ? Locale.ENGLISH : Locale.FRENCH;
	}

	static Locale of(String language) {
		return supported((language != null) ? Locale.forLanguageTag(language) : null);
	}

}
