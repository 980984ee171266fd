package io.domaindesk.agency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpSession;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.infrastructure.SecretCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP enrolment, verification and recovery codes for the current user. A secret being
 * enrolled waits in the session (encrypted) until the user proves a code from it; once
 * enrolled it is stored encrypted like the OVHcloud secrets.
 */
@Component
class SecondFactor {

	static final String PENDING = "domaindesk.totp.pending";

	static final int RECOVERY_CODES = 10;

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Totp totp = new Totp();

	private final DeskUserRepository users;

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final TotpSettings properties;

	SecondFactor(DeskUserRepository users, JdbcClient jdbc, SecretCipher cipher, CurrentUser currentUser,
			AuditLog audit, TotpSettings properties) {
		this.users = users;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.currentUser = currentUser;
		this.audit = audit;
		this.properties = properties;
	}

	record Enrolment(String secret, String uri, String qrSvg) {

	}

	/** The enrolment in progress in this session, started if there is none. */
	Enrolment enrolment(HttpSession session) {
		Object pending = session.getAttribute(PENDING);
		String secret = (pending instanceof String encrypted) ? this.cipher.decrypt(encrypted) : Totp.newSecret();
		if (pending == null) {
			session.setAttribute(PENDING, this.cipher.encrypt(secret));
		}
		String uri = Totp.otpauthUri(this.properties.issuer(), this.currentUser.get().getUsername(), secret);
		return new Enrolment(secret, uri, QrCodeSvg.render(uri, "QR code"));
	}

	static boolean enrolling(HttpSession session) {
		return session.getAttribute(PENDING) != null;
	}

	/**
	 * Enables TOTP when {@code code} comes from the pending secret; answers the recovery
	 * codes to show once, or an empty list when the code is wrong.
	 */
	@Transactional
	List<String> confirm(HttpSession session, String code) {
		Object pending = session.getAttribute(PENDING);
		DeskUser user = me();
		if (!(pending instanceof String encrypted)) {
			return List.of();
		}
		String secret = this.cipher.decrypt(encrypted);
		OptionalLong step = this.totp.matchingStep(secret, code, Instant.now());
		if (step.isEmpty()) {
			this.audit.record(AuditEntry.of(user.getAgencyId(), "account.totp.enable", AuditOutcome.FAILURE,
					Map.of("reason", "wrong code")));
			return List.of();
		}
		user.enableTotp(this.cipher.encrypt(secret), step.getAsLong());
		session.removeAttribute(PENDING);
		this.audit.record(AuditEntry.of(user.getAgencyId(), "account.totp.enable", AuditOutcome.SUCCESS, Map.of()));
		return newRecoveryCodes(user);
	}

	/**
	 * Checks a TOTP code (each time step once) or an unused recovery code (then spent) of
	 * the current user.
	 */
	@Transactional
	boolean verify(String code) {
		DeskUser user = me();
		if (!user.isTotpEnabled() || code == null) {
			return false;
		}
		boolean ok;
		String kind;
		if (code.strip().matches("\\d{6}")) {
			kind = "totp";
			OptionalLong step = this.totp.matchingStep(this.cipher.decrypt(user.totpSecretEncrypted()), code,
					Instant.now());
			ok = step.isPresent() && user.acceptTotpStep(step.getAsLong());
		}
		else {
			kind = "recovery code";
			ok = this.jdbc.sql("""
					update user_recovery_code set used_at = now()
					where user_id = :user and code_sha256 = :hash and used_at is null
					""").param("user", user.getId()).param("hash", sha256(normalise(code))).update() == 1;
		}
		this.audit.record(AuditEntry.of(user.getAgencyId(), "login.second-factor",
				ok ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, Map.of("method", kind)));
		return ok;
	}

	/** Whether the current user may turn TOTP off (not when their role requires it). */
	boolean mayDisable() {
		return !(this.properties.requiredForAdmins() && isAdmin(this.currentUser.get()));
	}

	@Transactional
	boolean disable(String code) {
		if (!mayDisable() || !verify(code)) {
			return false;
		}
		DeskUser user = me();
		user.disableTotp();
		this.jdbc.sql("delete from user_recovery_code where user_id = :user").param("user", user.getId()).update();
		this.audit.record(AuditEntry.of(user.getAgencyId(), "account.totp.disable", AuditOutcome.SUCCESS, Map.of()));
		return true;
	}

	long recoveryCodesLeft() {
		return this.jdbc.sql("select count(*) from user_recovery_code where user_id = :user and used_at is null")
			.param("user", this.currentUser.get().userId())
			.query(Long.class)
			.single();
	}

	private List<String> newRecoveryCodes(DeskUser user) {
		this.jdbc.sql("delete from user_recovery_code where user_id = :user").param("user", user.getId()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 25; c++) {
				if (c > 0 && c % 5 == 0) {
					code.append('-');
				}
				code.append(BASE32[RANDOM.nextInt(BASE32.length)]);
			}
			codes.add(code.toString());
			this.jdbc.sql("insert into user_recovery_code (user_id, code_sha256) values (:user, :hash)")
				.param("user", user.getId())
				.param("hash", sha256(normalise(code.toString())))
				.update();
		}
		return codes;
	}

	private DeskUser me() {
		return this.users.findById(this.currentUser.get().userId()).orElseThrow();
	}

	private static boolean isAdmin(DeskPrincipal principal) {
		return principal.hasRole(Role.AGENCY_ADMIN) || principal.hasRole(Role.PLATFORM_ADMIN);
	}

	private static String normalise(String code) {
		return code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
