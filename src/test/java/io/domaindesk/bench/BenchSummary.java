package io.domaindesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * After a test run that produced benchmark figures ({@code ./mvnw -Pbench verify}),
 * gathers every {@code target/bench/*.json} into one table,
 * {@code target/bench/SUMMARY.md}, printed at the end of the run.
 */
public class BenchSummary implements LauncherSessionListener {

	private static final Pattern FIELD = Pattern.compile("\"([^\"]+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)");

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		Path dir = Path.of("target", "bench");
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> files = Files.list(dir)) {
			List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
			if (json.isEmpty()) {
				return;
			}
			StringBuilder table = new StringBuilder("# DomainDesk benchmarks\n\n");
			table.append("Generated ")
				.append(OffsetDateTime.now().withNano(0))
				.append(" on ")
				.append(Runtime.getRuntime().availableProcessors())
				.append(" CPUs, Java ")
				.append(System.getProperty("java.version"))
				.append(", ")
				.append(System.getProperty("os.name"))
				.append(".\n\n| benchmark | figure | value |\n|---|---|---|\n");
			for (Path file : json) {
				String name = file.getFileName().toString().replace(".json", "");
				Matcher fields = FIELD.matcher(Files.readString(file));
				while (fields.find()) {
					table.append("| ")
						.append(name)
						.append(" | ")
						.append(fields.group(1))
						.append(" | ")
						.append(fields.group(2).replace("\"", "").replace("|", "\\|"))
						.append(" |\n");
				}
			}
			Files.writeString(dir.resolve("SUMMARY.md"), table);
			System.out.println(table);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
