package io.domaindesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntBiFunction;

import io.domaindesk.support.BrowserSession;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the list benchmarks time a query shape: the same URL over real HTTP with a
 * logged-in session and, right after each request, the list's statements alone through
 * the same bean, so that a slow row says whether the time is the query's or the page's.
 * Shared by {@link ListsBenchmark} and the clients' benchmark (another package).
 */
public final class ListShapes {

	public static final int WARMUP = 5;

	public static final int RUNS = Integer.getInteger("bench.list.runs", 60);

	/** Passes over every shape of a list before any is measured, at least. */
	public static final int WARMUP_ROUNDS = Integer.getInteger("bench.list.warmup-rounds", 3);

	/** Passes over every shape at most, when the JIT does not settle. */
	public static final int MAX_WARMUP_ROUNDS = Integer.getInteger("bench.list.max-warmup-rounds", 40);

	/** The JIT has settled when a pass spends less than this share compiling. */
	static final double SETTLED_JIT_SHARE = 0.05;

	private ListShapes() {
	}

	/** One shape's figures, in milliseconds. */
	public record Row(String list, String label, String uri, double httpP50, double httpP95, double sqlP50,
			double sqlP95) {

		public double ratio() {
			return this.httpP95 / Math.max(this.sqlP95, 0.01);
		}

	}

	/** A shape: its label and its URL, encoded as a browser sends it. */
	public static String[] q(String label, String uri) {
		return new String[] { label, UriComponentsBuilder.fromUriString(uri).encode().build().toUriString() };
	}

	/**
	 * {@link #RUNS} requests of one shape after {@link #WARMUP} unmeasured ones, each
	 * followed by its SQL alone ({@code sqlAlone(agency, uri)}).
	 */
	public static Row measure(BrowserSession browser, String list, String[] query,
			ToIntBiFunction<Long, String> sqlAlone, long agency) {
		String uri = query[1];
		for (int i = 0; i < WARMUP; i++) {
			assertThat(browser.get(uri).statusCode()).as(uri).isEqualTo(200);
			sqlAlone.applyAsInt(agency, uri);
		}
		long[] http = new long[RUNS];
		long[] sql = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t0 = System.nanoTime();
			var response = browser.get(uri);
			http[i] = System.nanoTime() - t0;
			assertThat(response.statusCode()).as(uri).isEqualTo(200);
			long t1 = System.nanoTime();
			sqlAlone.applyAsInt(agency, uri);
			sql[i] = System.nanoTime() - t1;
		}
		return new Row(list, query[0], uri, BenchReport.percentileMillis(http, 50),
				BenchReport.percentileMillis(http, 95), BenchReport.percentileMillis(sql, 50),
				BenchReport.percentileMillis(sql, 95));
	}

	/**
	 * {@link #WARMUP_ROUNDS} passes over every shape: the JIT compiles the whole path of
	 * a list (each row's template branches, each sort's statement) before the first shape
	 * is measured, which is otherwise charged for the warm-up of all the others (in three
	 * runs of 2026-12-02, the first shapes measured were among the worst rows of their
	 * list).
	 */
	public static void warmUp(BrowserSession browser, List<String[]> shapes) {
		warmUp(() -> {
			for (String[] shape : shapes) {
				assertThat(browser.get(shape[1]).statusCode()).as(shape[1]).isEqualTo(200);
			}
		});
	}

	/**
	 * Runs {@code pass} (one pass over every shape) {@link #WARMUP_ROUNDS} times, then
	 * again until the JIT has settled: until a pass spends less than
	 * {@link #SETTLED_JIT_SHARE} of its wall time compiling, {@link #MAX_WARMUP_ROUNDS}
	 * passes at most. On 2 cores the compiler threads take a core from the application
	 * and PostgreSQL for minutes after a cold start: with three passes only, the first
	 * shapes measured were slower than the very same URL measured later in the run
	 * (2026-12-02: {@code /domains} p50 48.8 ms first, 15.5 ms as
	 * {@code sort=name&dir=asc}), and after twelve passes the JIT still spent a fifth of
	 * each compiling: the same URL alone takes some 1,500 requests to settle.
	 * @return the passes run and the compilation time of the last, for the report
	 */
	public static String warmUp(Runnable pass) {
		int rounds = 0;
		long compiling;
		double share;
		do {
			long compiledBefore = compilationMillis();
			long started = System.nanoTime();
			pass.run();
			rounds++;
			compiling = compilationMillis() - compiledBefore;
			share = compiling / Math.max(1.0, (System.nanoTime() - started) / 1e6);
		}
		while (rounds < WARMUP_ROUNDS || (share > SETTLED_JIT_SHARE && rounds < MAX_WARMUP_ROUNDS));
		return String.format(Locale.ROOT, "%d passes over every shape, the last one %d ms compiling (%.1f %% of it)",
				rounds, compiling, 100 * share);
	}

	/** The JIT's compilation time so far, in milliseconds (all compiler threads). */
	public static long compilationMillis() {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		return (jit != null && jit.isCompilationTimeMonitoringSupported()) ? jit.getTotalCompilationTime() : 0;
	}

	/** Appends one shape's plans under a heading of its own. */
	public static void plan(StringBuilder plans, String list, String[] query, String explain) {
		plans.append("\n### ")
			.append(list)
			.append(": ")
			.append(query[0])
			.append("\n\n`")
			.append(query[1])
			.append("`\n\n```\n")
			.append(explain)
			.append("\n```\n");
	}

	/**
	 * Writes {@code target/bench/<name>.md}: the introduction, every row (in the order
	 * given: worst first), then the plans.
	 */
	public static void writeTable(String name, CharSequence introduction, List<Row> rows, CharSequence plans) {
		StringBuilder md = new StringBuilder(introduction);
		md.append("| list | shape | URL | HTTP p50 ms | HTTP p95 ms | SQL p50 ms | SQL p95 ms | HTTP/SQL (p95) |\n")
			.append("|---|---|---|---|---|---|---|---|\n");
		for (Row row : rows) {
			md.append(String.format(Locale.ROOT, "| %s | %s | `%s` | %.1f | %.1f | %.1f | %.1f | %.1f |\n", row.list(),
					row.label(), row.uri(), row.httpP50(), row.httpP95(), row.sqlP50(), row.sqlP95(), row.ratio()));
		}
		md.append("\n## Plans (EXPLAIN (ANALYZE, BUFFERS), one run after the measures)\n").append(plans);
		try {
			Path dir = Path.of("target", "bench");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(name + ".md"), md, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
