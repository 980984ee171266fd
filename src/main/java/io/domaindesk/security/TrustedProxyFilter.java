package io.domaindesk.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwarded headers count only when the socket's peer is a configured proxy
 * ({@link TrustedProxies}): then the scheme, host and port come from them (Spring's
 * {@link ForwardedHeaderFilter}) and the client address from the nearest untrusted hop.
 * From anyone else they are ignored, so nobody writes the address the audit records.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(TrustedProxies.class)
class TrustedProxyFilter extends OncePerRequestFilter {

	private final TrustedProxies proxies;

	private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();

	TrustedProxyFilter(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String peer = request.getRemoteAddr();
		if (this.proxies.trustedProxies().isEmpty() || !this.proxies.trusts(peer)) {
			chain.doFilter(request, response);
			return;
		}
		String client = this.proxies.clientOf(peer, request.getHeaders("X-Forwarded-For"),
				request.getHeaders("Forwarded"));
		this.forwarded.doFilter(request, response,
				(req, res) -> chain.doFilter(new ClientRequest((HttpServletRequest) req, client), res));
	}

	private static final class ClientRequest extends HttpServletRequestWrapper {

		private final String client;

		ClientRequest(HttpServletRequest request, String client) {
			super(request);
			this.client = client;
		}

		@Override
		public String getRemoteAddr() {
			return this.client;
		}

		@Override
		public String getRemoteHost() {
			return this.client;
		}

	}

}
