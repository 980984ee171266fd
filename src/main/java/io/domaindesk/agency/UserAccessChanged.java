package io.domaindesk.agency;

/**
 * A user's access changed (disabled, password reset or changed, role changed): every
 * session they hold must end now rather than at its timeout, except the one that made the
 * change for themselves ({@code keepSessionId}, or {@code null}).
 */
public record UserAccessChanged(String username, String reason, String keepSessionId) {

}
