package io.domaindesk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.domaindesk.infrastructure.SecretCipher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The chain heads, exported outside the database: every hour (once across instances) one
 * line per chain — chain, sequence, head hash, time — itself HMAC-signed with a key that
 * is not in the database, appended to a file (and logged on
 * {@code domaindesk.audit.checkpoint}, for a log shipper). Someone who deletes the newest
 * rows together with the verifier's own records cannot delete these: the verifier
 * compares the chain with the latest valid checkpoint and reports the cut
 * ({@link ChainVerifier}).
 */
@Component
@EnableConfigurationProperties(AuditCheckpoints.Settings.class)
class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger("domaindesk.audit.checkpoint");

	private static final HexFormat HEX = HexFormat.of();

	private static final Pattern LINE = Pattern
		.compile("^v1 chain=(\\d+) seq=(\\d+) head=([0-9a-f]{64}) at=(\\S+) written=(\\S+) mac=([0-9a-f]{64})$");

	/**
	 * {@code domaindesk.audit.checkpoint.*}.
	 *
	 * @param file the append-only file ({@code DOMAINDESK_AUDIT_CHECKPOINT_FILE}); keep
	 * it outside the database's host, or ship it
	 * @param key signs the lines ({@code DOMAINDESK_AUDIT_CHECKPOINT_KEY}); blank derives
	 * one from the master key
	 */
	@ConfigurationProperties("domaindesk.audit.checkpoint")
	record Settings(@DefaultValue(".domaindesk/audit-checkpoints.log") Path file, String key) {

		@Override
		public String toString() {
			return "Settings[file=" + this.file + ", key="
					+ ((this.key != null && !this.key.isBlank()) ? "(set)" : "(derived)") + "]";
		}

	}

	/** One signed line: chain {@code chain} had reached {@code seq} with {@code head}. */
	record Checkpoint(long chain, long seq, byte[] head, Instant at) {

	}

	private final JdbcClient jdbc;

	private final Path file;

	private final byte[] key;

	AuditCheckpoints(JdbcClient jdbc, Settings settings, SecretCipher cipher) {
		this.jdbc = jdbc;
		this.file = settings.file();
		this.key = (settings.key() != null && !settings.key().isBlank())
				? sha256(settings.key().getBytes(StandardCharsets.UTF_8)) : cipher.derivedKey("audit-checkpoint");
	}

	@Scheduled(cron = "${domaindesk.audit.checkpoint.cron:0 5 * * * *}")
	@SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT30M")
	void scheduled() {
		write();
	}

	/** Appends the current head of every chain that has one. */
	synchronized int write() {
		List<String> lines = this.jdbc.sql("""
				select c.chain_id, coalesce(t.seq, a.last_seq) as seq, coalesce(t.hash, a.last_hash) as hash,
				       coalesce(t.occurred_at, a.last_occurred_at) as at
				from (select 0 as chain_id union all select id from agency) c
				left join lateral (select seq, hash, occurred_at from audit_event e where e.chain_id = c.chain_id
				                   order by seq desc limit 1) t on true
				left join audit_chain_anchor a on a.chain_id = c.chain_id
				where coalesce(t.seq, a.last_seq) is not null
				order by c.chain_id
				""").query((rs, n) -> {
			OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
			return sign("v1 chain=" + rs.getLong("chain_id") + " seq=" + rs.getLong("seq") + " head="
					+ HEX.formatHex(rs.getBytes("hash")) + " at=" + ((at != null) ? at.toInstant() : Instant.EPOCH)
					+ " written=" + Instant.now());
		}).list();
		if (lines.isEmpty()) {
			return 0;
		}
		try {
			if (this.file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(this.file.toAbsolutePath().getParent());
			}
			Files.write(this.file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot append the audit checkpoints to " + this.file, ex);
		}
		lines.forEach(log::info);
		return lines.size();
	}

	/**
	 * The chain's latest line whose signature verifies; lines that do not verify (forged
	 * or damaged) are skipped and logged.
	 */
	Optional<Checkpoint> latest(long chain) {
		if (!Files.isReadable(this.file)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audit checkpoints in " + this.file, ex);
		}
		Checkpoint latest = null;
		for (String line : lines) {
			Matcher m = LINE.matcher(line.strip());
			if (!m.matches() || Long.parseLong(m.group(1)) != chain) {
				continue;
			}
			String body = line.strip().substring(0, line.strip().lastIndexOf(" mac="));
			if (!MessageDigest.isEqual(mac(body), HEX.parseHex(m.group(6)))) {
				log.warn("Audit checkpoint line with a bad signature ignored: {}", line.strip());
				continue;
			}
			long seq = Long.parseLong(m.group(2));
			if (latest == null || seq >= latest.seq()) {
				latest = new Checkpoint(chain, seq, HEX.parseHex(m.group(3)), Instant.parse(m.group(4)));
			}
		}
		return Optional.ofNullable(latest);
	}

	String sign(String body) {
		return body + " mac=" + HEX.formatHex(mac(body));
	}

	private byte[] mac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
