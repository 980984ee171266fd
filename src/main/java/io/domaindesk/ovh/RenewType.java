package io.domaindesk.ovh;

/**
 * {@code service.RenewType}.
 */
public record RenewType(Boolean automatic, Boolean deleteAtExpiration, Boolean forced, Boolean manualPayment,
		Long period) {

}
