package io.domaindesk.sandbox;

import java.time.Instant;

/**
 * An e-mail OVHcloud would have sent, as the sandbox mailbox shows it.
 *
 * @param id mail id
 * @param sentAt sandbox time of sending
 * @param recipient nichandle (or owner contact id, for trades) it was sent to
 * @param subject subject line
 * @param kind {@code contactChange}, {@code domainTrade}, {@code account}...
 * @param taskId the task it is about, if any
 * @param token the token it carries, if any
 * @param party which side of the task the recipient is: {@code from}/{@code to} for a
 * contact change, {@code oldOwner}/{@code newOwner} for a trade
 * @param body the text
 */
public record SandboxMail(long id, Instant sentAt, String recipient, String subject, String kind, Long taskId,
		String token, String party, String body) {

}
