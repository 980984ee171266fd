package io.domaindesk.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.TotpSettings;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * URL rules, form login and headers. Roles are enforced here on URLs and again on use
 * cases ({@code @PreAuthorize}), so a forgotten URL rule does not open a use case.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(ScrapeAccount.class)
class SecurityConfiguration {

	/**
	 * No inline script anywhere (htmx is configured not to eval or inject styles); inline
	 * style attributes only, for progress bars.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private static final String[] AGENCY_ADMIN = { "AGENCY_ADMIN" };

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, with the {id} prefix so that a later switch to argon2 re-hashes
		// transparently.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Spring Security's multi-factor rule: every authorization (URLs and use cases) of a
	 * user who must have a second factor also requires the TOTP factor, which only
	 * {@code /login/totp} grants. Everyone else stays password-only.
	 */
	@Bean
	AuthorizationManagerFactory<Object> authorizationManagerFactory(TotpSettings totp) {
		return AuthorizationManagerFactories.multiFactor()
			.requireFactors(DeskPrincipal.TOTP_FACTOR)
			.when(authentication -> authentication.getPrincipal() instanceof DeskPrincipal principal
					&& principal.secondFactorRequired(totp.requiredForAdmins()))
			.build();
	}

	/**
	 * Metrics for scrapers: HTTP Basic, no session, platform admins only; health stays
	 * open.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuator(HttpSecurity http, ScrapeAccount scraper, PasswordEncoder encoder) throws Exception {
		if (scraper.configured()) {
			// Its own provider, tried before the users': a scraper is not a DomainDesk
			// user and reaches nothing but this chain.
			DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
					new InMemoryUserDetailsManager(User.withUsername(scraper.scrapeUsername())
						.password(scraper.scrapePasswordHash())
						.roles(ScrapeAccount.ROLE)
						.build()));
			provider.setPasswordEncoder(encoder);
			http.authenticationProvider(provider);
		}
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				// Metrics name every route and outcome of every agency: not an agency's
				// business.
				.anyRequest()
				.hasAnyRole("PLATFORM_ADMIN", ScrapeAccount.ROLE))
			.httpBasic(basic -> {
			})
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		headers(http);
		return http.build();
	}

	/**
	 * The consent link page ({@code /consent/{token}}), the one public page besides
	 * login: anyone may open it, nobody gets a session. Its form is protected by a
	 * double-submit CSRF cookie (SameSite=Strict, HttpOnly, scoped to the page's path)
	 * instead of a session-bound token; the page's own rate limit and neutral answers are
	 * in the clients module.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain consentLink(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName("DD-CONSENT-CSRF");
		tokens.setCookiePath("/consent");
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").httpOnly(true));
		http.securityMatcher("/consent/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(tokens))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> {
			});
		headers(http);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain application(SessionSettings sessions, HttpSecurity http) throws Exception {
		// One answer for a wrong password, an unknown, a disabled or a locked account
		// (ASVS 5.0 6.3.8): the page must not tell which accounts exist or are locked.
		SimpleUrlAuthenticationFailureHandler failureHandler = new SimpleUrlAuthenticationFailureHandler(
				"/login?error");

		http.authorizeHttpRequests(auth -> auth
			// The second step of a login: reached with a password proven, before the
			// TOTP factor the rule below asks for.
			.requestMatchers("/login", "/login/totp", "/login/totp/**", "/error", "/error/**", "/webjars/**", "/css/**",
					"/js/**", "/img/**", "/favicon.ico", "/favicon.svg")
			.permitAll()
			// The sandbox's faults and clock affect every agency: the platform's
			// business.
			.requestMatchers("/ovh-sandbox/control", "/ovh-sandbox/control/**")
			.hasRole("PLATFORM_ADMIN")
			// The mails carry tokens: logged-in users only, each sees their agency's.
			.requestMatchers("/ovh-sandbox/mailbox", "/ovh-sandbox/mailbox/**")
			.authenticated()
			// The sandbox stands in for OVHcloud: it authenticates API calls itself, by
			// signature.
			.requestMatchers("/ovh-sandbox/**")
			.permitAll()
			// Where signed calls may go is the platform's business (SSRF), not an
			// agency's.
			.requestMatchers("/admin/agencies", "/admin/agencies/**", "/admin/endpoints", "/admin/endpoints/**")
			.hasRole("PLATFORM_ADMIN")
			.requestMatchers("/admin/users", "/admin/users/**", "/admin/ovh-accounts", "/admin/ovh-accounts/**")
			.hasAnyRole(AGENCY_ADMIN)
			.requestMatchers("/admin", "/admin/**")
			.hasAnyRole("AGENCY_ADMIN", "PLATFORM_ADMIN")
			// Auditors read the trail; only an agency admin acts on it (verification on
			// demand).
			.requestMatchers(HttpMethod.POST, "/audit", "/audit/**")
			.hasRole("AGENCY_ADMIN")
			.requestMatchers("/audit", "/audit/**")
			.hasAnyRole("AGENCY_ADMIN", "AUDITOR")
			// Everybody manages their own account, auditors included.
			.requestMatchers("/account", "/account/**")
			.authenticated()
			// Auditors read; every state-changing request needs a role that may change
			// things.
			.requestMatchers(HttpMethod.POST, "/**")
			.hasAnyRole("PLATFORM_ADMIN", "AGENCY_ADMIN", "STAFF")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/domains").failureHandler(failureHandler))
			// An htmx request (live search, polling) whose session expired would follow
			// the
			// redirect and swap the login form into the results, or empty them: tell htmx
			// to load the login page instead. Other requests are redirected as usual.
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(loginEntryPoint()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/ovh-sandbox/1.0/**"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(
					new LoginUrlAuthenticationEntryPoint("/login/totp"), DeskPrincipal.TOTP_FACTOR))
			.addFilterBefore(new SessionLifetimeFilter(sessions.absoluteTimeout()), AuthorizationFilter.class)
			.addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class);
		headers(http);
		return http.build();
	}

	private static AuthenticationEntryPoint loginEntryPoint() {
		AuthenticationEntryPoint redirect = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, failure) -> {
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
			}
			else {
				redirect.commence(request, response, failure);
			}
		};
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(nosniff -> {
			})
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
	}

}
