package io.domaindesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in both languages: a key missing in French would show English (or the
 * key) to French users.
 */
class MessagesTests {

	/** The bundles the application really loads: {@code spring.messages.basename}. */
	static final String[] BUNDLES = basenames();

	@Test
	void frenchAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(BUNDLES).contains("messages", "i18n/trades");
		assertThat(load("/messages.properties")).hasSizeGreaterThan(100);
		for (String bundle : BUNDLES) {
			Properties english = load("/" + bundle + ".properties");
			Properties french = load("/" + bundle + "_fr.properties");
			assertThat(french.stringPropertyNames()).as(bundle)
				.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
			french.stringPropertyNames()
				.forEach(key -> assertThat(french.getProperty(key)).as(bundle + " " + key).isNotBlank());
		}
	}

	/**
	 * A message with arguments goes through MessageFormat, where a lone apostrophe starts
	 * a quote and silently eats the rest of the text ("C'est {0}" shows "Cest {0}"): it
	 * must be doubled.
	 */
	@Test
	void apostrophesInMessagesWithArgumentsAreDoubled() throws IOException {
		for (String file : Arrays.stream(BUNDLES)
			.flatMap(b -> java.util.stream.Stream.of("/" + b + ".properties", "/" + b + "_fr.properties"))
			.toList()) {
			Properties messages = load(file);
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				if (text.matches(".*\\{\\d}.*")) {
					assertThat(text.replace("''", "")).as(file + " " + key).doesNotContain("'");
				}
				else if (!text.contains("{")) {
					// Without arguments Spring returns the text as written: a doubled
					// apostrophe would show doubled ("Owner''s consent").
					assertThat(text).as(file + " " + key).doesNotContain("''");
				}
			}
		}
	}

	private static String[] basenames() {
		try {
			String names = load("/application.properties").getProperty("spring.messages.basename");
			return Arrays.stream(names.split(",")).map(String::strip).toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream(path)) {
			// A bundle named in the settings but missing would show keys to users.
			assertThat(in).as(path + " exists").isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
