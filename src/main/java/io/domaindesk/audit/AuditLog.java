package io.domaindesk.audit;

import java.util.Map;

import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit events. It joins the caller's transaction, so a change and its audit row
 * commit or roll back together; the actor, role, IP and correlation id are read here
 * rather than passed in, so a caller cannot forge them. Each row is sealed into its
 * agency's hash chain ({@link AuditChain}).
 */
@Component
public class AuditLog {

	public static final String CORRELATION_ID = "correlationId";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditChain chain;

	AuditLog(AuditChain chain) {
		this.chain = chain;
	}

	@Transactional
	public void record(AuditEntry entry) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : null;
		insert(entry, actor, roleOf(authentication));
	}

	/**
	 * For events that happen before anyone is authenticated (a failed login), where the
	 * actor is the name that was tried.
	 */
	@Transactional
	public void recordAs(String attemptedActor, String role, AuditEntry entry) {
		insert(entry, attemptedActor, role);
	}

	/**
	 * Every value is cleaned and cut to its column, whatever a caller or a client sent:
	 * an audit row that fails to insert is a trace lost (and a failed login rolled back).
	 */
	private void insert(AuditEntry entry, String actor, String role) {
		this.chain.append(entry.agencyId(), bound(actor, 64), bound(role, 32), clientIp(), bound(entry.action(), 64),
				bound(entry.targetDomain(), 255), JSON.writeValueAsString(boundDetails(entry.details(), 0)),
				entry.outcome().name(), bound(entry.ovhQueryId(), 128), bound(MDC.get(CORRELATION_ID), 64));
	}

	static final int MAX_DETAIL_TEXT = 1000;

	static final int MAX_DETAIL_ENTRIES = 50;

	/** Nested maps and lists are walked (three levels); strings are cleaned and cut. */
	static Object boundDetails(Object value, int depth) {
		if (value instanceof String text) {
			return boundText(text, MAX_DETAIL_TEXT);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> bounded = new java.util.LinkedHashMap<>();
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (bounded.size() >= MAX_DETAIL_ENTRIES) {
					bounded.put("truncated", true);
					break;
				}
				bounded.put(bound(String.valueOf(e.getKey()), 64),
						(depth < 3) ? boundDetails(e.getValue(), depth + 1) : bound(String.valueOf(e.getValue()), 64));
			}
			return bounded;
		}
		if (value instanceof java.util.Collection<?> list) {
			return list.stream()
				.limit(MAX_DETAIL_ENTRIES)
				.map((item) -> (depth < 3) ? boundDetails(item, depth + 1) : bound(String.valueOf(item), 64))
				.toList();
		}
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		return bound(String.valueOf(value), MAX_DETAIL_TEXT);
	}

	/**
	 * PostgreSQL refuses NUL in text and jsonb; other control characters would forge
	 * lines in an export. Cut at {@code max} characters, never inside a surrogate pair.
	 */
	static String bound(String value, int max) {
		return bound(value, max, false);
	}

	/**
	 * A detail's text keeps its line breaks and tabs: evidence such as the exact text a
	 * client agreed to is hashed as shown, and the exports quote every value, so a line
	 * break there forges no line. NUL and the other control characters are still
	 * replaced.
	 */
	static String boundText(String value, int max) {
		return bound(value, max, true);
	}

	private static String bound(String value, int max, boolean keepLines) {
		if (value == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(Math.min(value.length(), max));
		for (int i = 0; i < value.length() && clean.length() < max; i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && clean.length() == max - 1) {
				break;
			}
			boolean line = keepLines && (c == '\n' || c == '\t');
			clean.append(((c < 0x20 && !line) || c == 0x7f) ? '\uFFFD' : c);
		}
		return clean.toString();
	}

	private static String roleOf(Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a != null && a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The client's IP address exactly as audit rows record it, for evidence kept outside
	 * the trail (a consent answer) that must agree with it.
	 */
	public static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			// The socket's peer, or the client a trusted proxy named (the security
			// module's TrustedProxyFilter decides); recorded only as an IP address.
			String address = attributes.getRequest().getRemoteAddr();
			return (address != null && address.length() <= 45 && address.matches("[0-9a-fA-F:.]+")
					&& (address.contains(":") || address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) ? address : null;
		}
		return null;
	}

}
