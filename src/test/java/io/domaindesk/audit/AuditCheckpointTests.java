package io.domaindesk.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.domaindesk.infrastructure.SecretCipher;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain's head exported outside the database: deleting the newest rows together with
 * every check record no longer goes unnoticed.
 */
@IntegrationTest
class AuditCheckpointTests {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	SecretCipher cipher;

	@TempDir
	Path directory;

	@Test
	void cuttingTheNewestRowsAndTheCheckRecordsIsCaughtByTheSignedCheckpoint() throws Exception {
		long agency = this.jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", "Checkpoint test " + UUID.randomUUID().toString().substring(0, 8))
			.query(Long.class)
			.single();
		Path file = this.directory.resolve("checkpoints.log");
		AuditCheckpoints checkpoints = new AuditCheckpoints(this.jdbc,
				new AuditCheckpoints.Settings(file, "a checkpoint key kept outside the database"), this.cipher);
		ChainVerifier verifier = new ChainVerifier(this.chain, this.jdbc, this.dataSource, checkpoints);
		record(agency, 5);
		assertThat(verifier.verifyAndRecord(agency, null).intact()).isTrue();
		record(agency, 2);
		assertThat(checkpoints.write()).isPositive();
		assertThat(Files.readString(file)).contains("v1 chain=" + agency + " seq=7 head=").contains(" mac=");
		assertThat(verifier.verify(agency, null).intact()).isTrue();

		// Someone with the database's keys removes the two newest rows and every record
		// of
		// a check, so that the chain looks whole and short.
		this.jdbc.sql("alter table audit_event disable trigger user").update();
		try {
			this.jdbc.sql("delete from audit_event where chain_id = :c and seq > 5").param("c", agency).update();
		}
		finally {
			this.jdbc.sql("alter table audit_event enable trigger user").update();
		}
		this.jdbc.sql("delete from audit_chain_check where chain_id = :c").param("c", agency).update();

		// Without the checkpoint, nothing to see (the limit docs/audit.md used to state).
		ChainVerifier blind = new ChainVerifier(this.chain, this.jdbc, this.dataSource, new AuditCheckpoints(this.jdbc,
				new AuditCheckpoints.Settings(this.directory.resolve("none.log"), "k"), this.cipher));
		assertThat(blind.verify(agency, null).intact()).isTrue();
		// With it: cut after seq 5, the checkpoint saw 7.
		ChainCheck check = verifier.verify(agency, null);
		assertThat(check.intact()).isFalse();
		assertThat(check.problem()).isEqualTo("TRUNCATED");
		assertThat(check.expected()).startsWith("seq ≥ 7 (checkpoint");
		assertThat(check.found()).isEqualTo("seq 5");

		// A line forged without the key is ignored, not believed.
		Files.writeString(file,
				"v1 chain=" + agency + " seq=99 head=" + "0".repeat(64)
						+ " at=2026-01-01T00:00:00Z written=2026-01-01T00:00:00Z mac=" + "1".repeat(64) + "\n",
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		assertThat(checkpoints.latest(agency)).hasValueSatisfying((latest) -> assertThat(latest.seq()).isEqualTo(7));
		// Nor does another key's checkpoint count.
		AuditCheckpoints otherKey = new AuditCheckpoints(this.jdbc, new AuditCheckpoints.Settings(file, "other"),
				this.cipher);
		assertThat(otherKey.latest(agency)).isEmpty();
	}

	private void record(long agency, int count) {
		for (int i = 0; i < count; i++) {
			this.audit.record(AuditEntry.of(agency, "test.event", AuditOutcome.SUCCESS, Map.of("n", i)));
		}
	}

}
