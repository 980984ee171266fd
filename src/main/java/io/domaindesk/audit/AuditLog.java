package io.domaindesk.audit;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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

	private void insert(AuditEntry entry, String actor, String role) {
		this.chain.append(entry.agencyId(), truncate(actor, 64), role, clientIp(), entry.action(), entry.targetDomain(),
				JSON.writeValueAsString(entry.details()), entry.outcome().name(), entry.ovhQueryId(),
				MDC.get(CORRELATION_ID));
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
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
