package io.domaindesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's architecture section names every module, and its links stay inside the
 * repository (a reader of a clone has nothing else).
 */
class ReadmeTests {

	@Test
	void architectureListsEveryModuleAndLinksOnlyInsideTheRepository() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("## Architecture");
		assertThat(start).isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		String architecture = readme.substring(start, (end < 0) ? readme.length() : end);
		List<String> modules;
		try (Stream<Path> packages = Files.list(Path.of("src/main/java/io/domaindesk"))) {
			modules = packages.filter(Files::isDirectory).map((p) -> p.getFileName().toString()).sorted().toList();
		}
		assertThat(modules).hasSizeGreaterThan(5);
		assertThat(modules).allSatisfy((module) -> assertThat(architecture).contains("| `" + module + "` |"));
		Matcher links = Pattern.compile("\\]\\(([^)]+)\\)").matcher(readme);
		while (links.find()) {
			String target = links.group(1);
			assertThat(target).doesNotContain("://").doesNotStartWith("..").doesNotStartWith("/");
			assertThat(Path.of(target.replaceAll("#.*", ""))).exists();
		}
		assertThat(readme).doesNotContain("../shared");
	}

}
