package io.domaindesk.ovh;

import java.util.Map;

/**
 * {@code iam.ResourceMetadata}.
 */
public record IamMetadata(String id, String displayName, String state, Map<String, String> tags, String urn) {

}
