package io.domaindesk.sandbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the emulator into the application when {@code domaindesk.sandbox.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration implements WebMvcConfigurer {

	private final Credentials credentials;

	private final SandboxClock clock;

	private final Ticker ticker;

	private final ClockSkews skews;

	SandboxConfiguration(Credentials credentials, SandboxClock clock, Ticker ticker, ClockSkews skews) {
		this.credentials = credentials;
		this.clock = clock;
		this.ticker = ticker;
		this.skews = skews;
	}

	@Bean
	FilterRegistrationBean<SandboxFilter> sandboxFilter(Faults faults, RateLimiter rateLimiter,
			SandboxProperties properties, CallLog calls) {
		FilterRegistrationBean<SandboxFilter> registration = new FilterRegistrationBean<>(
				new SandboxFilter(faults, rateLimiter, properties, calls));
		registration.addUrlPatterns(SandboxFilter.PREFIX + "/*");
		registration.setName("ovhSandboxFilter");
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuthInterceptor(this.credentials, this.clock, this.ticker, this.skews))
			.addPathPatterns(SandboxFilter.PREFIX + "/**");
	}

}
