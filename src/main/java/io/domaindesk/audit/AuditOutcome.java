package io.domaindesk.audit;

/**
 * How an audited action ended. {@code PENDING} is an intent not yet answered,
 * {@code UNKNOWN} an OVHcloud call whose outcome a reconciliation must establish.
 */
public enum AuditOutcome {

	SUCCESS, FAILURE, DENIED, PENDING, UNKNOWN

}
