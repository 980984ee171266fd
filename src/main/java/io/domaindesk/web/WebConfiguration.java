package io.domaindesk.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * French and English: the browser's language by default, a {@code ?lang=} switch
 * remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("domaindesk-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(request -> {
			Locale browser = request.getLocale();
			return SUPPORTED.stream()
				.filter(l -> l.getLanguage().equals(browser.getLanguage()))
				.findFirst()
				.orElse(Locale.ENGLISH);
		});
		return resolver;
	}

	/**
	 * Boot's resource URL filter, off: {@link WebJarLinks} versions the WebJar links
	 * without a classpath search for every other link of a page.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/** Where Boot's was: on pages and on error pages. */
	@Bean
	FilterRegistrationBean<WebJarLinks> webJarLinks() {
		FilterRegistrationBean<WebJarLinks> registration = new FilterRegistrationBean<>(new WebJarLinks());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * Inside Spring Session's filter, whose response wrapper saves the session when the
	 * page is sent.
	 */
	@Bean
	FilterRegistrationBean<WholePageBuffer> wholePageBuffer() {
		FilterRegistrationBean<WholePageBuffer> registration = new FilterRegistrationBean<>(new WholePageBuffer());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
