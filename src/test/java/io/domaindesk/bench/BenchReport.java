package io.domaindesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes one benchmark's figures to {@code target/bench/<name>.json} and prints them, so
 * the closing note and CI logs quote the same numbers.
 */
public final class BenchReport {

	private final Map<String, Object> figures = new LinkedHashMap<>();

	public BenchReport put(String key, Object value) {
		this.figures.put(key, value);
		return this;
	}

	public void write(String name) {
		String json = this.figures.entrySet()
			.stream()
			.map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
		try {
			Path dir = Path.of("target", "bench");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(name + ".json"), json + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("BENCH " + name + " " + json);
	}

	/** The p-th percentile (0–100) of durations in nanoseconds, in milliseconds. */
	public static double percentileMillis(long[] nanos, double p) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static String json(Object value) {
		if (value instanceof Number || value instanceof Boolean) {
			return (value instanceof Double d) ? String.format(java.util.Locale.ROOT, "%.2f", d) : value.toString();
		}
		return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
