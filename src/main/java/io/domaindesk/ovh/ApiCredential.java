package io.domaindesk.ovh;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code auth.ApiCredential}.
 */
public record ApiCredential(List<String> allowedIPs, Long applicationId, OffsetDateTime creation, Long credentialId,
		OffsetDateTime expiration, OffsetDateTime lastUse, Boolean ovhSupport, List<AccessRule> rules,
		CredentialState status) {

}
