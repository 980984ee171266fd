package io.domaindesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in both languages: a key missing in French would show English (or the
 * key) to French users.
 */
class MessagesTests {

	@Test
	void frenchAndEnglishHaveTheSameKeys() throws IOException {
		Properties english = load("/messages.properties");
		Properties french = load("/messages_fr.properties");
		assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		french.stringPropertyNames().forEach(key -> assertThat(french.getProperty(key)).as(key).isNotBlank());
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream(path)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
