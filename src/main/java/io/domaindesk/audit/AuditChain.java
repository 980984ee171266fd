package io.domaindesk.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.domaindesk.infrastructure.SecretCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends rows to a hash chain. Each agency's rows, and the platform's (chain 0), form
 * one chain: {@code hash = HMAC-SHA256(key, prev_hash || canonical content)}. The key is
 * derived from the master key and never stored in the database, so someone who can write
 * to the database cannot forge a row that verifies.
 * <p>
 * Appends to one chain are serialised by a transaction-scoped advisory lock taken before
 * the tip is read: the next writer waits until this transaction commits or rolls back,
 * then reads the committed tip, so the chain cannot fork (and the unique
 * {@code (chain_id, seq)} index refuses a fork even if the lock were skipped). The cost
 * is that audit writes of one agency queue behind each other's transactions.
 */
@Component
class AuditChain {

	/** Advisory lock namespace ("AUDI"); the purge function in V3 uses the same one. */
	static final int LOCK_NAMESPACE = 1096107081;

	static final byte[] GENESIS = new byte[32];

	private static final String ALGORITHM = "HmacSHA256";

	private final JdbcClient jdbc;

	private final byte[] key;

	AuditChain(JdbcClient jdbc, SecretCipher cipher) {
		this.jdbc = jdbc;
		this.key = cipher.derivedKey("audit-chain");
	}

	/** The chain a row belongs to: its agency, or 0 for platform-level rows. */
	static long chainOf(Long agencyId) {
		return (agencyId != null) ? agencyId : 0L;
	}

	/** Must run inside the caller's transaction: the lock lasts until it ends. */
	void append(Long agencyId, String actor, String role, String ip, String action, String targetDomain,
			String detailsJson, String outcome, String ovhQueryId, String correlationId) {
		long chain = chainOf(agencyId);
		lock(chain);
		Tip tip = this.jdbc.sql("""
				select coalesce(t.seq, a.last_seq, 0) as seq, coalesce(t.hash, a.last_hash) as hash,
				       clock_timestamp() as now, cast(:details as jsonb)::text as details
				from (select 1) as one
				left join lateral (select seq, hash from audit_event where chain_id = :chain
				                   order by seq desc limit 1) t on true
				left join audit_chain_anchor a on a.chain_id = :chain
				""").param("chain", chain).param("details", detailsJson).query((rs, n) -> {
			byte[] hash = rs.getBytes("hash");
			return new Tip(rs.getLong("seq"), (hash != null) ? hash : GENESIS,
					rs.getObject("now", OffsetDateTime.class).truncatedTo(ChronoUnit.MICROS), rs.getString("details"));
		}).single();
		long seq = tip.seq() + 1;
		Content content = new Content(chain, seq, tip.now(), agencyId, actor, role, ip, action, targetDomain,
				tip.details(), outcome, ovhQueryId, correlationId);
		byte[] hash = hash(newMac(), tip.hash(), content);
		this.jdbc.sql("""
				insert into audit_event (occurred_at, agency_id, actor, actor_role, ip, action, target_domain, details,
				                         outcome, ovh_query_id, correlation_id, seq, prev_hash, hash)
				values (:at, :agency, :actor, :role, :ip, :action, :domain, cast(:details as jsonb), :outcome, :queryId,
				        :correlation, :seq, :prev, :hash)
				""")
			.param("at", tip.now())
			.param("agency", agencyId)
			.param("actor", actor)
			.param("role", role)
			.param("ip", ip)
			.param("action", action)
			.param("domain", targetDomain)
			.param("details", tip.details())
			.param("outcome", outcome)
			.param("queryId", ovhQueryId)
			.param("correlation", correlationId)
			.param("seq", seq)
			.param("prev", tip.hash())
			.param("hash", hash)
			.update();
	}

	void lock(long chain) {
		this.jdbc.sql("select pg_advisory_xact_lock(:ns, :chain)")
			.param("ns", LOCK_NAMESPACE)
			.param("chain", Math.toIntExact(chain))
			.query((rs, n) -> 1)
			.list();
	}

	Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(this.key, ALGORITHM));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] hash(Mac mac, byte[] previous, Content content) {
		mac.reset();
		mac.update(previous);
		mac.update(content.canonical());
		return mac.doFinal();
	}

	private record Tip(long seq, byte[] hash, OffsetDateTime now, String details) {
	}

	/**
	 * What a row's hash covers: every column but the generated id. Details are hashed as
	 * PostgreSQL prints the jsonb value, which is deterministic, so that the verifier
	 * reading {@code details::text} gets the same bytes.
	 */
	record Content(long chain, long seq, OffsetDateTime occurredAt, Long agencyId, String actor, String role, String ip,
			String action, String targetDomain, String details, String outcome, String ovhQueryId,
			String correlationId) {

		byte[] canonical() {
			try {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
				DataOutputStream out = new DataOutputStream(bytes);
				// Every field is length-prefixed (or -1 for null), so no two rows share
				// an encoding.
				text(out, "domaindesk-audit-v1");
				out.writeLong(this.chain);
				out.writeLong(this.seq);
				long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, this.occurredAt.toInstant());
				out.writeLong(micros);
				text(out, (this.agencyId != null) ? this.agencyId.toString() : null);
				text(out, this.actor);
				text(out, this.role);
				text(out, this.ip);
				text(out, this.action);
				text(out, this.targetDomain);
				text(out, this.details);
				text(out, this.outcome);
				text(out, this.ovhQueryId);
				text(out, this.correlationId);
				out.flush();
				return bytes.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void text(DataOutputStream out, String value) throws IOException {
			if (value == null) {
				out.writeInt(-1);
				return;
			}
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			out.writeInt(utf8.length);
			out.write(utf8);
		}

	}

}
