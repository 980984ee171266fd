package io.domaindesk.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.domaindesk.agency.DeskPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password was chosen by an admin reaches only {@code /account} (and the
 * login, logout and error pages) until they chose their own: the admin knows the old one.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof DeskPrincipal principal
				&& principal.passwordMustChange() && !allowed(request.getServletPath())) {
			response.sendRedirect(request.getContextPath() + "/account");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals("/account") || path.startsWith("/account/") || path.startsWith("/login")
				|| path.equals("/logout") || path.startsWith("/error") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.equals("/favicon.ico");
	}

}
