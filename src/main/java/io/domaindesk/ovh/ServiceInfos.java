package io.domaindesk.ovh;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code services.Service}.
 */
public record ServiceInfos(Boolean canDeleteAtExpiration, String contactAdmin, String contactBilling,
		String contactTech, LocalDate creation, String domain, LocalDate engagedUpTo, LocalDate expiration,
		List<Long> possibleRenewPeriod, RenewType renew, String renewalType, Long serviceId, ServiceStatus status) {

}
