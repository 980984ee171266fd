package io.domaindesk.ovh;

/**
 * {@code domain.nameServer.NameServer}.
 */
public record NameServer(Long id, String ipv4, String ipv6, String nameServer, String nameServerType) {

}
