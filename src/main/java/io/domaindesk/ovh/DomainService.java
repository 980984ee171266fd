package io.domaindesk.ovh;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code domain.DomainServiceWithIAM}.
 */
public record DomainService(ContactSummary contactAdmin, ContactSummary contactBilling, ContactSummary contactOwner,
		ContactSummary contactTech, String dnssecState, Boolean dnssecSupported, String domain,
		OffsetDateTime expirationDate, Boolean glueRecordIpv6Supported, Boolean glueRecordMultiIpSupported,
		Boolean hostSupported, IamMetadata iam, OffsetDateTime lastUpdate, String nameServerType,
		List<NameServer> nameServers, String offer, Boolean owoSupported, ParentService parentService,
		OffsetDateTime renewalDate, RenewalState renewalState, Long serviceId, DomainState state,
		String suspensionState, TransferLockStatus transferLockStatus, String whoisOwner) {

}
