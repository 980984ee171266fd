package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code domain.Data}.
 */
public record DomainData(String audience, String authInfo, List<String> isFor, String otherPurpose, String reason,
		String represent) {

}
