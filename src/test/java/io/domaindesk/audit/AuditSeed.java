package io.domaindesk.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Audit rows of one agency for the benchmarks and the plan test, spread over the last
 * year, newest last: 20 users, 10 actions, 1,000 domains, 90 % successes, each row sealed
 * as {@link AuditChain} would seal it (so the verifier can be timed on them too).
 */
final class AuditSeed {

	static final String[] ACTIONS = { "domains.export", "domain.refresh", "contact.change", "contact.accept",
			"trade.order", "trade.approve", "user.create", "login.success", "login.failure", "sync.run" };

	private AuditSeed() {
	}

	/** COPY IN, 10,000 rows a message. */
	static void load(DataSource dataSource, AuditChain chain, long agencyId, int rows) throws Exception {
		load(dataSource, chain, agencyId, rows, 0, AuditChain.GENESIS);
	}

	/**
	 * {@code rows} more rows after the chain's {@code lastSeq}-th, whose hash is
	 * {@code lastHash}.
	 */
	static void load(DataSource dataSource, AuditChain chain, long agencyId, int rows, long lastSeq, byte[] lastHash)
			throws Exception {
		DateTimeFormatter timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");
		HexFormat hex = HexFormat.of();
		Mac mac = chain.newMac();
		byte[] previous = lastHash;
		long firstMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now().minus(365, ChronoUnit.DAYS));
		long stepMicros = 365L * 24 * 3600 * 1_000_000 / rows;
		try (Connection connection = dataSource.getConnection()) {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy audit_event (occurred_at, agency_id, actor, actor_role, ip, action, target_domain, "
						+ "details, outcome, ovh_query_id, correlation_id, seq, prev_hash, hash) from stdin");
			StringBuilder batch = new StringBuilder(2_000_000);
			for (int i = 1; i <= rows; i++) {
				OffsetDateTime at = Instant.EPOCH.plus(firstMicros + i * stepMicros, ChronoUnit.MICROS)
					.atOffset(ZoneOffset.UTC);
				String actor = String.format("user-%02d", i % 20);
				String action = ACTIONS[i % ACTIONS.length];
				String domain = "client-" + (i % 1000) + ".fr";
				String details = "{\"n\": " + i + "}";
				int mod = i % 100;
				String outcome = (mod < 90) ? "SUCCESS" : (mod < 95) ? "FAILURE" : (mod < 98) ? "UNKNOWN" : "DENIED";
				String queryId = (i % 3 == 0) ? "EU.ext-" + i : null;
				AuditChain.Content content = new AuditChain.Content(agencyId, lastSeq + i, at, agencyId, actor, "STAFF",
						"192.0.2.1", action, domain, details, outcome, queryId, null);
				byte[] hash = AuditChain.hash(mac, previous, content);
				batch.append(at.format(timestamp))
					.append('\t')
					.append(agencyId)
					.append('\t')
					.append(actor)
					.append("\tSTAFF\t192.0.2.1\t")
					.append(action)
					.append('\t')
					.append(domain)
					.append('\t')
					.append(details)
					.append('\t')
					.append(outcome)
					.append('\t')
					.append((queryId != null) ? queryId : "\\N")
					.append("\t\\N\t")
					.append(lastSeq + i)
					.append("\t\\\\x")
					.append(hex.formatHex(previous))
					.append("\t\\\\x")
					.append(hex.formatHex(hash))
					.append('\n');
				previous = hash;
				if (i % 10_000 == 0) {
					byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
					copy.writeToCopy(bytes, 0, bytes.length);
					batch.setLength(0);
				}
			}
			byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			copy.endCopy();
		}
	}

}
