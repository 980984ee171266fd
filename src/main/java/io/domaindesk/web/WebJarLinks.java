package io.domaindesk.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.GenericFilterBean;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Writes the layout's WebJar links with their version ({@code /webjars/bootstrap/css/…} →
 * {@code /webjars/bootstrap/5.3.8/css/…}), in place of Boot's
 * {@code ResourceUrlEncodingFilter}, which asks the resource chain about every link a
 * page builds. A link that is not a static file ({@code /nic-changes/1/2/accept}) matches
 * the {@code /**} static handler, is looked up in every jar of the classpath, is not
 * found, and a miss is never cached: a page's links cost one classpath search each, 61 %
 * of the CPU of {@code /nic-changes} and {@code /domains} at 50 rows (issue 15). Only
 * WebJar links have a version to add: the others are written as they are. And each is
 * looked up once: a hit is not cached by the chain either, so the layout's three WebJar
 * links were three classpath searches on every page. The links come from the templates,
 * so they are few; the cache still stops at {@link #MAX_CACHED} in case a template ever
 * builds them from data.
 */
class WebJarLinks extends GenericFilterBean {

	static final String PREFIX = "/webjars/";

	static final int MAX_CACHED = 64;

	private final Map<String, String> versioned = new ConcurrentHashMap<>();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse page)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, new HttpServletResponseWrapper(page) {

			@Override
			public String encodeURL(String url) {
				return super.encodeURL(versionedOnce(http, url));
			}

		});
	}

	private String versionedOnce(HttpServletRequest request, String url) {
		String known = this.versioned.get(url);
		if (known != null) {
			return known;
		}
		String resolved = versioned(request, url);
		if (!resolved.equals(url) && this.versioned.size() < MAX_CACHED) {
			this.versioned.put(url, resolved);
		}
		return resolved;
	}

	private static String versioned(HttpServletRequest request, String url) {
		if (!url.startsWith(request.getContextPath() + PREFIX) || !(request.getAttribute(
				ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR) instanceof ResourceUrlProvider resources)) {
			return url;
		}
		String resolved = resources.getForRequestUrl(request, url);
		return (resolved != null) ? resolved : url;
	}

}
