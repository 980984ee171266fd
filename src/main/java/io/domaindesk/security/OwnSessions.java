package io.domaindesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's own open sessions (ASVS 5.0 V7.5.2): listed on {@code /account} with where
 * they were opened from, and ended one by one or all but the current one. The sessions
 * live in PostgreSQL (Spring Session JDBC), so ending one reaches every instance at the
 * user's next request there.
 */
@Component
class OwnSessions {

	/**
	 * Where a session was opened from, written once at login: the address and the
	 * browser.
	 */
	static final String OPENED_FROM = "domaindesk.openedFrom";

	static final int MAX_USER_AGENT = 120;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SessionRevocation revocation;

	private final AuditLog audit;

	OwnSessions(FindByIndexNameSessionRepository<? extends Session> sessions, SessionRevocation revocation,
			AuditLog audit) {
		this.sessions = sessions;
		this.revocation = revocation;
		this.audit = audit;
	}

	/**
	 * One open session as its owner sees it. The session id itself never reaches a page:
	 * a page shows a digest of it, which identifies the session without letting anyone
	 * who reads the page (or its HTML in a proxy log) take it over.
	 */
	record OpenSession(String handle, ZonedDateTime created, ZonedDateTime lastUsed, String openedFrom,
			boolean current) {
	}

	/** Called at login: remembers, bounded, where this session was opened from. */
	static void rememberOrigin(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return;
		}
		String agent = request.getHeader("User-Agent");
		agent = (agent == null) ? "" : agent.replaceAll("\\p{Cntrl}", " ").strip();
		if (agent.length() > MAX_USER_AGENT) {
			agent = agent.substring(0, MAX_USER_AGENT - 1) + "…";
		}
		String address = request.getRemoteAddr();
		session.setAttribute(OPENED_FROM, (agent.isEmpty()) ? address : address + " · " + agent);
	}

	List<OpenSession> of(DeskPrincipal user, String currentSessionId) {
		return this.sessions.findByPrincipalName(user.getUsername())
			.entrySet()
			.stream()
			.map((entry) -> view(entry.getKey(), entry.getValue(), currentSessionId))
			.sorted(Comparator.comparing(OpenSession::current)
				.reversed()
				.thenComparing(OpenSession::lastUsed, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * Ends the user's session with this handle; never the current one (that is what
	 * logging out is for). Answers whether a session was ended.
	 */
	boolean end(DeskPrincipal user, String handle, String currentSessionId) {
		for (Map.Entry<String, ? extends Session> held : this.sessions.findByPrincipalName(user.getUsername())
			.entrySet()) {
			if (handle(held.getKey()).equals(handle) && !held.getKey().equals(currentSessionId)) {
				this.sessions.deleteById(held.getKey());
				audit(user, 1);
				return true;
			}
		}
		return false;
	}

	/** Ends every session of the user but the current one; answers how many ended. */
	int endOthers(DeskPrincipal user, String currentSessionId) {
		int ended = this.revocation.endAllBut(user.getUsername(), currentSessionId);
		audit(user, ended);
		return ended;
	}

	private void audit(DeskPrincipal user, int ended) {
		this.audit.record(
				AuditEntry.of(user.agencyId(), "account.sessions.ended", AuditOutcome.SUCCESS, Map.of("ended", ended)));
	}

	private static OpenSession view(String id, Session session, String currentSessionId) {
		Object from = session.getAttribute(OPENED_FROM);
		// The JVM's zone is domaindesk.time-zone (set at start), as on every other page.
		ZoneId zone = ZoneId.systemDefault();
		return new OpenSession(handle(id), session.getCreationTime().atZone(zone),
				session.getLastAccessedTime().atZone(zone), (from instanceof String text) ? text : null,
				id.equals(currentSessionId));
	}

	static String handle(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
