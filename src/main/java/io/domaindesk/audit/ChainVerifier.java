package io.domaindesk.audit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes a chain from its anchor (or from the start) and stops at the first broken
 * link. It reads through a cursor, so a million rows take no more memory than ten, and
 * writes its result to {@code audit_chain_check}, which the audit page and the PDF report
 * show.
 */
@Component
class ChainVerifier {

	private static final HexFormat HEX = HexFormat.of();

	private final AuditChain chain;

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	private final AuditCheckpoints checkpoints;

	ChainVerifier(AuditChain chain, JdbcClient jdbc, DataSource dataSource, AuditCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
		this.chain = chain;
		this.jdbc = jdbc;
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(1000);
	}

	/** Every chain: the platform's and each agency's. */
	List<Long> chains() {
		return this.jdbc.sql("select 0 union all select id from agency order by 1").query(Long.class).list();
	}

	@Transactional
	ChainCheck verifyAndRecord(long chainId, String checkedBy) {
		ChainCheck check = verify(chainId, checkedBy);
		this.jdbc.sql("""
				insert into audit_chain_check (chain_id, checked_at, checked_by, rows_checked, last_seq, intact,
				                               broken_event_id, broken_seq, problem, expected, found)
				values (:chain, :at, :by, :rows, :lastSeq, :intact, :eventId, :seq, :problem, :expected, :found)
				""")
			.param("chain", chainId)
			.param("at", check.checkedAt())
			.param("by", checkedBy)
			.param("rows", check.rowsChecked())
			.param("lastSeq", check.lastSeq())
			.param("intact", check.intact())
			.param("eventId", check.brokenEventId())
			.param("seq", check.brokenSeq())
			.param("problem", check.problem())
			.param("expected", check.expected())
			.param("found", check.found())
			.update();
		return check;
	}

	@Transactional(readOnly = true)
	Optional<ChainCheck> latest(long chainId) {
		return this.jdbc.sql("""
				select chain_id, checked_at, checked_by, rows_checked, last_seq, intact, broken_event_id, broken_seq,
				       problem, expected, found
				from audit_chain_check where chain_id = :chain order by checked_at desc, id desc limit 1
				""").param("chain", chainId).query(ChainCheck.class).optional();
	}

	/**
	 * A cursor needs a transaction in PostgreSQL; the caller's, or the one this opens.
	 */
	@Transactional(readOnly = true)
	ChainCheck verify(long chainId, String checkedBy) {
		OffsetDateTime now = OffsetDateTime.now();
		Anchor anchor = this.jdbc.sql("select last_seq, last_hash from audit_chain_anchor where chain_id = :chain")
			.param("chain", chainId)
			.query((rs, n) -> new Anchor(rs.getLong(1), rs.getBytes(2)))
			.optional()
			.orElse(new Anchor(0, AuditChain.GENESIS));
		Long previouslySeen = this.jdbc
			.sql("select max(last_seq) from audit_chain_check where chain_id = :chain and intact")
			.param("chain", chainId)
			.query(Long.class)
			.list()
			.get(0);
		// Kept outside the database: deleting the newest rows and every check record does
		// not delete it.
		AuditCheckpoints.Checkpoint checkpoint = this.checkpoints.latest(chainId).orElse(null);
		if (checkpoint != null && checkpoint.seq() == anchor.seq()
				&& !Arrays.equals(checkpoint.head(), anchor.hash())) {
			return new ChainCheck(chainId, now, checkedBy, 0, anchor.seq(), false, null, anchor.seq(), "HASH",
					hex(checkpoint.head()) + " (checkpoint)", hex(anchor.hash()));
		}
		Mac mac = this.chain.newMac();
		Walk walk = new Walk(anchor.seq() + 1, anchor.hash());
		this.cursor.query("""
				select id, seq, occurred_at, agency_id, actor, actor_role, ip, action, target_domain, details::text,
				       outcome, ovh_query_id, correlation_id, prev_hash, hash
				from audit_event where chain_id = ? and seq > ? order by seq
				""", rs -> {
			if (walk.broken != null) {
				return;
			}
			long id = rs.getLong(1);
			long seq = rs.getLong(2);
			byte[] prev = rs.getBytes(14);
			byte[] stored = rs.getBytes(15);
			if (seq != walk.nextSeq) {
				walk.broken = new Break(id, seq, "SEQUENCE", Long.toString(walk.nextSeq), Long.toString(seq));
				return;
			}
			if (prev == null || !Arrays.equals(prev, walk.previous)) {
				walk.broken = new Break(id, seq, "PREVIOUS_HASH", hex(walk.previous), hex(prev));
				return;
			}
			Long agency = rs.getObject(4, Long.class);
			AuditChain.Content content = new AuditChain.Content(chainId, seq, rs.getObject(3, OffsetDateTime.class),
					agency, rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
			byte[] expected = AuditChain.hash(mac, prev, content);
			if (!Arrays.equals(expected, stored)) {
				walk.broken = new Break(id, seq, "HASH", hex(expected), hex(stored));
				return;
			}
			if (checkpoint != null && seq == checkpoint.seq() && !Arrays.equals(stored, checkpoint.head())) {
				walk.broken = new Break(id, seq, "HASH", hex(checkpoint.head()) + " (checkpoint)", hex(stored));
				return;
			}
			walk.rows++;
			walk.nextSeq = seq + 1;
			walk.previous = stored;
		}, chainId, anchor.seq());
		// Where the verified chain ends, counting purged rows (the anchor) as reached.
		Long lastSeq = (walk.nextSeq > 1) ? walk.nextSeq - 1 : null;
		if (walk.broken != null) {
			Break b = walk.broken;
			return new ChainCheck(chainId, now, checkedBy, walk.rows, lastSeq, false, b.eventId(), b.seq(), b.problem(),
					b.expected(), b.found());
		}
		if (checkpoint != null && (lastSeq == null || lastSeq < checkpoint.seq())) {
			// Rows the signed checkpoint saw are gone, even if every check record went
			// with them.
			return new ChainCheck(chainId, now, checkedBy, walk.rows, lastSeq, false, null, null, "TRUNCATED",
					"seq ≥ " + checkpoint.seq() + " (checkpoint " + checkpoint.at() + ")",
					(lastSeq != null) ? "seq " + lastSeq : "—");
		}
		if (previouslySeen != null && (lastSeq == null || lastSeq < previouslySeen)) {
			// The chain is consistent but shorter than an earlier check saw it: its end
			// was cut off.
			return new ChainCheck(chainId, now, checkedBy, walk.rows, lastSeq, false, null, null, "TRUNCATED",
					"seq ≥ " + previouslySeen, (lastSeq != null) ? "seq " + lastSeq : "—");
		}
		return new ChainCheck(chainId, now, checkedBy, walk.rows, lastSeq, true, null, null, null, null, null);
	}

	private static String hex(byte[] bytes) {
		return (bytes != null) ? HEX.formatHex(bytes) : "null";
	}

	private record Anchor(long seq, byte[] hash) {
	}

	private record Break(long eventId, long seq, String problem, String expected, String found) {
	}

	private static final class Walk {

		long nextSeq;

		byte[] previous;

		long rows;

		Break broken;

		Walk(long nextSeq, byte[] previous) {
			this.nextSeq = nextSeq;
			this.previous = previous;
		}

	}

}
