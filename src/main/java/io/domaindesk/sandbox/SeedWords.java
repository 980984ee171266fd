package io.domaindesk.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The word lists of {@code sandbox/words.txt}; lists with spaces inside entries use '|'.
 */
final class SeedWords {

	private final Map<String, List<String>> lists = new HashMap<>();

	SeedWords() {
		try {
			String text = new ClassPathResource("sandbox/words.txt").getContentAsString(StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				int equals = line.indexOf('=');
				String values = line.substring(equals + 1).trim();
				String separator = values.contains("|") ? "\\|" : "\\s+";
				this.lists.put(line.substring(0, equals).trim(), Arrays.asList(values.split(separator)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<String> get(String name) {
		return this.lists.get(name);
	}

}
