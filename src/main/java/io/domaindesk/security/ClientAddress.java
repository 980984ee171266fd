package io.domaindesk.security;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client address of the request being served, as {@link TrustedProxyFilter} left it
 * (the socket's peer, or the client a configured proxy vouches for; never a raw
 * {@code X-Forwarded-For}).
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String current() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getRemoteAddr() : null;
	}

}
