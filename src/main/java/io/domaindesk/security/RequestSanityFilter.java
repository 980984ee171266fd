package io.domaindesk.security;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests whose parameters carry a NUL character: no form or filter of ours
 * needs one, and PostgreSQL rejects it in text, which would otherwise surface as a server
 * error deep in a query.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSanityFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean nul = request.getParameterMap()
			.entrySet()
			.stream()
			.anyMatch(e -> e.getKey().indexOf('\0') >= 0
					|| Arrays.stream(e.getValue()).anyMatch(v -> v != null && v.indexOf('\0') >= 0));
		if (nul) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

}
