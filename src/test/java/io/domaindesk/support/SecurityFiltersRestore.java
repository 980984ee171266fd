package io.domaindesk.support;

import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;

import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.util.ReflectionUtils;

/**
 * Puts the application's own repositories back into the shared context's security filters
 * after each test method.
 * <p>
 * Spring Security's MockMvc post-processors ({@code csrf()}, {@code user()}) replace, by
 * reflection, the CSRF token repository and the security context repository of the real
 * filter chain that serves the request ({@code WebTestUtils}), and never restore them. In
 * the shared context every later test, over real HTTP too, then ran with the test's
 * repositories: after one {@code csrf()} request to {@code /consent/**} (the route
 * sweep's), the public consent page kept its CSRF token in an HTTP session and answered
 * an owner with no account with a {@code SESSION} cookie.
 */
public class SecurityFiltersRestore implements TestExecutionListener {

	/** The fields {@code WebTestUtils} writes. */
	private static final List<String> FIELDS = List.of("tokenRepository", "securityContextRepository");

	/** Each filter's own values, seen before any test replaced them. */
	private static final Map<Filter, Map<Field, Object>> ORIGINALS = new IdentityHashMap<>();

	@Override
	public void beforeTestMethod(TestContext testContext) {
		FilterChainProxy proxy = proxy(testContext);
		if (proxy == null) {
			return;
		}
		synchronized (ORIGINALS) {
			for (Filter filter : filters(proxy)) {
				for (String name : FIELDS) {
					Field field = ReflectionUtils.findField(filter.getClass(), name);
					if (field == null) {
						continue;
					}
					ReflectionUtils.makeAccessible(field);
					Object value = ReflectionUtils.getField(field, filter);
					// A test's own repository is never taken for the application's.
					if (value != null && !fromSpringSecurityTest(value)) {
						ORIGINALS.computeIfAbsent(filter, (f) -> new java.util.HashMap<>()).putIfAbsent(field, value);
					}
				}
			}
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		FilterChainProxy proxy = proxy(testContext);
		if (proxy == null) {
			return;
		}
		synchronized (ORIGINALS) {
			for (Filter filter : filters(proxy)) {
				ORIGINALS.getOrDefault(filter, Map.of())
					.forEach((field, value) -> ReflectionUtils.setField(field, filter, value));
			}
		}
	}

	private static boolean fromSpringSecurityTest(Object value) {
		return value.getClass().getName().startsWith("org.springframework.security.test.");
	}

	private static FilterChainProxy proxy(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return null;
		}
		return testContext.getApplicationContext().getBeanProvider(FilterChainProxy.class).getIfAvailable();
	}

	private static List<Filter> filters(FilterChainProxy proxy) {
		return proxy.getFilterChains().stream().map(SecurityFilterChain::getFilters).flatMap(List::stream).toList();
	}

}
