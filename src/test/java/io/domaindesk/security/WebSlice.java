package io.domaindesk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.TotpSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What a {@code @WebMvcTest} slice needs besides its controllers: the application's own
 * security rules (so a missing login, a refused role and an htmx request without a
 * session answer as in production) and the current user read from the request's login.
 * Use cases are mocked by each slice; nothing here touches a database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ SecurityConfiguration.class, CurrentUser.class, WebSlice.Settings.class })
// The sandbox's filter and interceptor stand in for OVHcloud: not part of a page's slice.
@TestPropertySource(properties = "domaindesk.sandbox.enabled=false")
public @interface WebSlice {

	@EnableConfigurationProperties({ SessionSettings.class, TotpSettings.class })
	class Settings {

	}

}
