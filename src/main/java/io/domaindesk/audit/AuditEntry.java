package io.domaindesk.audit;

import java.util.Map;

/**
 * What happened, to what, with what result. Who did it is never part of the entry:
 * {@link AuditLog} takes the actor from the security context.
 *
 * @param agencyId the tenant the action belongs to, {@code null} for platform-level
 * actions
 * @param action a stable, dotted action name such as {@code user.create}
 * @param targetDomain the domain name concerned, if any
 * @param details structured details with as little personal data as the action allows
 * @param outcome how it ended
 * @param ovhQueryId OVHcloud's {@code X-Ovh-QueryID} when an OVHcloud call was involved
 */
public record AuditEntry(Long agencyId, String action, String targetDomain, Map<String, ?> details,
		AuditOutcome outcome, String ovhQueryId) {

	public AuditEntry {
		details = (details != null) ? Map.copyOf(details) : Map.of();
	}

	public static AuditEntry of(Long agencyId, String action, AuditOutcome outcome, Map<String, ?> details) {
		return new AuditEntry(agencyId, action, null, details, outcome, null);
	}

}
