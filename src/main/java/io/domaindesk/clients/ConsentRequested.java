package io.domaindesk.clients;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Published (in the transaction that creates or reminds a consent request) so that the
 * notifications module e-mails the owner. The link carries the raw token, which exists
 * nowhere else: DomainDesk stores only its hash, so the event publication is completed
 * (and removed) once the message is delivered.
 *
 * @param consentId the consent request
 * @param agencyId the agency that asks
 * @param agencyName shown to the recipient as the sender
 * @param domain the domain concerned (Unicode form)
 * @param recipientEmail the owner contact's e-mail address
 * @param recipientName the owner's name as shown in the greeting
 * @param locale the recipient's language (French or English)
 * @param link the single-use consent link
 * @param expiresAt when the link stops working
 * @param reminder {@code true} for the reminder of a request already sent
 */
public record ConsentRequested(UUID consentId, Long agencyId, String agencyName, String domain, String recipientEmail,
		String recipientName, Locale locale, URI link, Instant expiresAt, boolean reminder) {

}
