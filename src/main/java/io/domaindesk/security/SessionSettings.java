package io.domaindesk.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code domaindesk.session.*}: the absolute lifetime of a session, whatever its activity
 * (the idle timeout is {@code server.servlet.session.timeout}).
 *
 * @param absoluteTimeout after this long since it began, a session ends (12 hours)
 */
@ConfigurationProperties("domaindesk.session")
record SessionSettings(@DefaultValue("12h") Duration absoluteTimeout) {

}
