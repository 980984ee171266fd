package io.domaindesk.ovh;

import java.util.List;

/**
 * {@code auth.ApiCredentialRequestParams}.
 */
public record ApiCredentialRequestParams(List<AccessRule> accessRules, List<String> allowedIPs, String redirection) {

}
