package io.domaindesk.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The trail is append-only in the database itself, and its hash chain catches what gets
 * past that (someone who can disable triggers).
 */
@IntegrationTest
class AuditChainTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	AuditRetention retention;

	private long agencyId;

	@BeforeEach
	void agency() {
		this.agencyId = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Chain test " + UUID.randomUUID().toString().substring(0, 8))
			.query(Long.class)
			.single();
	}

	@Test
	void updateDeleteAndTruncateAreRefusedByTheDatabase() {
		record(3);
		long id = lastId();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update audit_event set outcome = 'FAILURE' where id = :id")
				.param("id", id)
				.update())
			.havingRootCause()
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("delete from audit_event where id = :id").param("id", id).update())
			.havingRootCause()
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("truncate audit_event").update())
			.havingRootCause()
			.withMessageContaining("append-only");
		// Nor can an anchor, where verification starts, be planted outside the purge.
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc
				.sql("insert into audit_chain_anchor (chain_id, last_seq, last_hash) values (:a, 2, :h)")
				.param("a", this.agencyId)
				.param("h", AuditChain.GENESIS)
				.update())
			.havingRootCause()
			.withMessageContaining("audit_purge");
		assertThat(this.jdbc.sql("select count(*) from audit_event where agency_id = :a")
			.param("a", this.agencyId)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void eachRowIsChainedToTheOneBefore() {
		record(5);
		List<Map<String, Object>> rows = this.jdbc
			.sql("select seq, prev_hash, hash from audit_event where agency_id = :a order by seq")
			.param("a", this.agencyId)
			.query()
			.listOfRows();
		assertThat(rows).extracting(r -> r.get("seq")).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat((byte[]) rows.get(0).get("prev_hash")).isEqualTo(AuditChain.GENESIS);
		for (int i = 1; i < rows.size(); i++) {
			assertThat((byte[]) rows.get(i).get("prev_hash")).isEqualTo((byte[]) rows.get(i - 1).get("hash"));
		}
		ChainCheck check = this.verifier.verify(this.agencyId, "test");
		assertThat(check.intact()).isTrue();
		assertThat(check.rowsChecked()).isEqualTo(5);
	}

	@Test
	void aTamperedRowIsReportedExactlyThere() {
		record(6);
		long tampered = this.jdbc.sql("select id from audit_event where agency_id = :a and seq = 4")
			.param("a", this.agencyId)
			.query(Long.class)
			.single();
		String original = this.jdbc.sql("select details::text from audit_event where id = :id")
			.param("id", tampered)
			.query(String.class)
			.single();
		withTriggersDisabled("update audit_event set details = '{\"n\": 999}' where id = " + tampered);
		try {
			ChainCheck check = this.verifier.verifyAndRecord(this.agencyId, "test");
			assertThat(check.intact()).isFalse();
			assertThat(check.brokenEventId()).isEqualTo(tampered);
			assertThat(check.brokenSeq()).isEqualTo(4);
			assertThat(check.problem()).isEqualTo("HASH");
			assertThat(check.expected()).isNotEqualTo(check.found()).hasSize(64);
			assertThat(check.rowsChecked()).isEqualTo(3);
			assertThat(this.verifier.latest(this.agencyId)).get()
				.extracting(ChainCheck::brokenEventId)
				.isEqualTo(tampered);
		}
		finally {
			withTriggersDisabled("update audit_event set details = '" + original.replace("'", "''")
					+ "'::jsonb where id = " + tampered);
		}
		assertThat(this.verifier.verify(this.agencyId, "test").intact()).isTrue();
	}

	@Test
	void aRemovedRowBreaksTheSequence() {
		record(4);
		long removed = this.jdbc.sql("select id from audit_event where agency_id = :a and seq = 2")
			.param("a", this.agencyId)
			.query(Long.class)
			.single();
		long next = this.jdbc.sql("select id from audit_event where agency_id = :a and seq = 3")
			.param("a", this.agencyId)
			.query(Long.class)
			.single();
		withTriggersDisabled("delete from audit_event where id = " + removed);
		ChainCheck check = this.verifier.verify(this.agencyId, "test");
		assertThat(check.intact()).isFalse();
		assertThat(check.brokenEventId()).isEqualTo(next);
		assertThat(check.problem()).isEqualTo("SEQUENCE");
		assertThat(check.expected()).isEqualTo("2");
		assertThat(check.found()).isEqualTo("3");
	}

	@Test
	void concurrentInsertsKeepOneChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Void>> tasks = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				tasks.add(() -> {
					for (int i = 0; i < 50; i++) {
						this.audit.record(AuditEntry.of(this.agencyId, "test.concurrent", AuditOutcome.SUCCESS,
								Map.of("thread", thread, "i", i)));
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(tasks)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("select count(*), max(seq), count(distinct seq) from audit_event where agency_id = :a")
			.param("a", this.agencyId)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single()).containsExactly(400L, 400L, 400L);
		ChainCheck check = this.verifier.verify(this.agencyId, "test");
		assertThat(check.intact()).isTrue();
		assertThat(check.rowsChecked()).isEqualTo(400);
	}

	@Test
	void thePurgeRemovesOldMonthsAndTheRestStillVerifies() {
		// Old rows cannot be written with an old date through the application, so the
		// test moves their dates with the triggers off, then re-seals the chain as it
		// would have been: rows from 2023 and from last month, and today's.
		record(3);
		backdate(1, "2023-01-10T10:00:00Z");
		backdate(2, "2023-02-10T10:00:00Z");
		backdate(3, "2023-03-10T10:00:00Z");
		record(2);
		assertThat(this.verifier.verify(this.agencyId, "test").intact()).isTrue();

		long removed = this.retention.purge(this.agencyId, OffsetDateTime.parse("2023-03-01T00:00:00Z"));

		assertThat(removed).isEqualTo(2);
		assertThat(this.jdbc.sql("select min(seq) from audit_event where agency_id = :a")
			.param("a", this.agencyId)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.jdbc.sql("select last_seq from audit_chain_anchor where chain_id = :a")
			.param("a", this.agencyId)
			.query(Long.class)
			.single()).isEqualTo(2);
		ChainCheck check = this.verifier.verify(this.agencyId, "test");
		assertThat(check.intact()).isTrue();
		// Three remaining rows and the purge's own audit row.
		assertThat(check.rowsChecked()).isEqualTo(4);
		assertThat(this.jdbc.sql("select action from audit_event where agency_id = :a order by seq desc limit 1")
			.param("a", this.agencyId)
			.query(String.class)
			.single()).isEqualTo("audit.purge");
	}

	@Test
	void retentionCutoffIsTheStartOfAClosedMonth() {
		assertThat(AuditRetention.cutoff(java.time.LocalDate.parse("2025-06-15"), 12, ZoneOffset.UTC))
			.isEqualTo(OffsetDateTime.parse("2024-06-01T00:00:00Z"));
	}

	/** Moves a row's date and re-seals the chain from it, as if written then. */
	private void backdate(long seq, String at) {
		withTriggersDisabled("update audit_event set occurred_at = '" + at + "' where agency_id = " + this.agencyId
				+ " and seq = " + seq);
		reseal();
	}

	private void reseal() {
		// Recomputes every hash of the test chain with the application's key.
		List<Map<String, Object>> rows = this.jdbc
			.sql("""
					select id, seq, occurred_at, agency_id, actor, actor_role, ip, action, target_domain, details::text as details,
					       outcome, ovh_query_id, correlation_id from audit_event where agency_id = :a order by seq
					""")
			.param("a", this.agencyId)
			.query()
			.listOfRows();
		byte[] previous = AuditChain.GENESIS;
		for (Map<String, Object> row : rows) {
			AuditChain.Content content = new AuditChain.Content(this.agencyId, (Long) row.get("seq"),
					((java.sql.Timestamp) row.get("occurred_at")).toInstant().atOffset(ZoneOffset.UTC), this.agencyId,
					(String) row.get("actor"), (String) row.get("actor_role"), (String) row.get("ip"),
					(String) row.get("action"), (String) row.get("target_domain"), (String) row.get("details"),
					(String) row.get("outcome"), (String) row.get("ovh_query_id"), (String) row.get("correlation_id"));
			byte[] hash = AuditChain.hash(this.chain.newMac(), previous, content);
			withTriggersDisabled(this.jdbc, row.get("id"), previous, hash);
			previous = hash;
		}
	}

	@Autowired
	AuditChain chain;

	private void withTriggersDisabled(JdbcClient jdbc, Object id, byte[] previous, byte[] hash) {
		jdbc.sql("alter table audit_event disable trigger audit_event_no_update").update();
		try {
			jdbc.sql("update audit_event set prev_hash = :p, hash = :h where id = :id")
				.param("p", previous)
				.param("h", hash)
				.param("id", id)
				.update();
		}
		finally {
			jdbc.sql("alter table audit_event enable trigger audit_event_no_update").update();
		}
	}

	private void withTriggersDisabled(String sql) {
		this.jdbc.sql("alter table audit_event disable trigger user").update();
		try {
			this.jdbc.sql(sql).update();
		}
		finally {
			this.jdbc.sql("alter table audit_event enable trigger user").update();
		}
	}

	private void record(int count) {
		for (int i = 0; i < count; i++) {
			this.audit.record(
					AuditEntry.of(this.agencyId, "test.event", AuditOutcome.SUCCESS, Map.of("n", i, "note", "é\"'")));
		}
	}

	private long lastId() {
		return this.jdbc.sql("select max(id) from audit_event where agency_id = :a")
			.param("a", this.agencyId)
			.query(Long.class)
			.single();
	}

}
