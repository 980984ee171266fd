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

	SandboxConfiguration(Credentials credentials, SandboxClock clock, Ticker ticker) {
		this.credentials = credentials;
		this.clock = clock;
		this.ticker = ticker;
	}

	@Bean
	FilterRegistrationBean<SandboxFilter> sandboxFilter(Faults faults, RateLimiter rateLimiter,
			SandboxProperties properties) {
		FilterRegistrationBean<SandboxFilter> registration = new FilterRegistrationBean<>(
				new SandboxFilter(faults, rateLimiter, properties));
		registration.addUrlPatterns(SandboxFilter.PREFIX + "/*");
		registration.setName("ovhSandboxFilter");
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuthInterceptor(this.credentials, this.clock, this.ticker))
			.addPathPatterns(SandboxFilter.PREFIX + "/**");
	}

}
