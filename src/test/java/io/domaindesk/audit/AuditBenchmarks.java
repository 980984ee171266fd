package io.domaindesk.audit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.bench.BenchContext;
import io.domaindesk.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Benchmarks, not tests: run by {@code ./mvnw -Pbench verify} only, they write their
 * figures to {@code target/bench/audit-*.json} and fail only when a goal is clearly
 * missed (twice the goal).
 * <p>
 * One million rows are loaded into an agency of their own with {@code COPY}, each with
 * its real chain hash computed here in the same way as {@link AuditChain} (so the
 * verifier can be timed on them too).
 */
@BenchContext
class AuditBenchmarks {

	static final int ROWS = 1_000_000;

	private static long agencyId;

	private static String username;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditQuery query;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@BeforeEach
	void millionRows() throws Exception {
		if (agencyId != 0) {
			return;
		}
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		agencyId = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Bench " + suffix)
			.query(Long.class)
			.single();
		username = "bench-" + suffix;
		this.jdbc.sql("""
				insert into app_user (agency_id, username, display_name, password_hash, role)
				values (:a, :u, 'Bench', '{noop}x', 'AGENCY_ADMIN')
				""").param("a", agencyId).param("u", username).update();
		long start = System.nanoTime();
		load();
		this.jdbc.sql("analyze audit_event").update();
		long millis = (System.nanoTime() - start) / 1_000_000;
		write("audit-load.json", "{\"rows\":" + ROWS + ",\"millis\":" + millis + "}");
	}

	@Test
	void exportOfAMillionRowsStreamsNearCopySpeed() throws Exception {
		AuditQuery.Sql sql = this.query.exportSql(agencyId, AuditFilter.none());
		String literal = sql.sql()
			.replace(":agency", Long.toString(agencyId))
			.replace(":zone", "'" + this.query.zone().getId() + "'");
		long copyMillis = Long.MAX_VALUE;
		long copyBytes = 0;
		for (int run = 0; run < 2; run++) {
			try (Connection connection = this.dataSource.getConnection()) {
				ExportInSmallHeap.CountingSink sink = new ExportInSmallHeap.CountingSink();
				long start = System.nanoTime();
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyOut("copy (" + literal + ") to stdout (format csv, header)", sink);
				copyMillis = Math.min(copyMillis, (System.nanoTime() - start) / 1_000_000);
				copyBytes = sink.count;
			}
		}
		String child = exportInChildJvm();
		long exportMillis = number(child, "millis");
		long rows = number(child, "rows");
		double ratio = (double) copyMillis / exportMillis;
		write("audit-export.json",
				"{\"rows\":" + rows + ",\"exportMillis\":" + exportMillis + ",\"copyMillis\":" + copyMillis
						+ ",\"copyBytes\":" + copyBytes + ",\"throughputRatioToCopy\":" + String.format("%.3f", ratio)
						+ ",\"goalRatio\":0.5,\"childJvm\":\"-Xmx256m\",\"child\":" + child + "}");
		assertThat(rows).isEqualTo(ROWS);
		assertThat(number(child, "maxHeapBytes")).isLessThanOrEqualTo(256L * 1024 * 1024);
		assertThat(ratio).as("export throughput / COPY throughput").isGreaterThan(0.25);
	}

	@Test
	void firstPageWithTwoFiltersAtAMillionRows() throws Exception {
		DeskPrincipal bench = this.users.findByUsername(username).orElseThrow();
		List<String> uris = List.of("/audit?action=contact.change&outcome=FAILURE",
				"/audit?user=user-07&from=" + OffsetDateTime.now().minusDays(200).toLocalDate());
		StringBuilder json = new StringBuilder(
				"{\"rows\":" + ROWS + ",\"requests\":200,\"goalP95Millis\":50,\"pages\":[");
		double worst = 0;
		for (String uri : uris) {
			for (int i = 0; i < 20; i++) {
				assertThat(this.mvc.get().uri(uri).with(user(bench))).hasStatusOk();
			}
			long[] nanos = new long[200];
			for (int i = 0; i < nanos.length; i++) {
				long start = System.nanoTime();
				assertThat(this.mvc.get().uri(uri).with(user(bench))).hasStatusOk();
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			double p50 = nanos[99] / 1e6;
			double p95 = nanos[189] / 1e6;
			worst = Math.max(worst, p95);
			json.append((json.charAt(json.length() - 1) == '[') ? "" : ",")
				.append(String.format("{\"uri\":\"%s\",\"p50Millis\":%.2f,\"p95Millis\":%.2f,\"maxMillis\":%.2f}", uri,
						p50, p95, nanos[199] / 1e6));
		}
		long start = System.nanoTime();
		ChainCheck check = this.verifier.verify(agencyId, "bench");
		long verifyMillis = (System.nanoTime() - start) / 1_000_000;
		json.append("],\"verifyMillis\":").append(verifyMillis).append(",\"verifyIntact\":").append(check.intact());
		write("audit-list.json", json.append("}").toString());
		assertThat(check.intact()).isTrue();
		assertThat(check.rowsChecked()).isEqualTo(ROWS);
		assertThat(worst).as("p95 of the first page, ms").isLessThan(100);
	}

	/** COPY IN, 10,000 rows a message, each sealed as AuditChain would seal it. */
	private void load() throws Exception {
		AuditSeed.load(this.dataSource, this.chain, agencyId, ROWS);
	}

	private String exportInChildJvm() throws Exception {
		TestDatabase.Server server = TestDatabase.get();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				ExportInSmallHeap.class.getName(), server.jdbcUrl(), server.username(), server.password(),
				Long.toString(agencyId), "2"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String last = null;
		StringBuilder all = new StringBuilder();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				all.append(line).append('\n');
				if (line.startsWith("{\"rows\"")) {
					last = line;
				}
			}
		}
		assertThat(process.waitFor()).as(all.toString()).isZero();
		assertThat(last).as(all.toString()).isNotNull();
		return last;
	}

	private static long number(String json, String field) {
		Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		assertThat(matcher.find()).as(field + " in " + json).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static void write(String name, String json) throws Exception {
		Path dir = Path.of("target", "bench");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve(name), json + "\n");
	}

}
