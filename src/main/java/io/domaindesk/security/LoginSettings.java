package io.domaindesk.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code domaindesk.login.*}: login throttling per account and per client address
 * ({@link LoginThrottle}).
 *
 * @param maxFailures failures within {@code window} that lock the account (for the
 * addresses that failed)
 * @param window how far back failures count
 * @param lockDuration how long a locked account or a blocked address stays so
 * @param addressMaxFailures failures from one address within {@code window}, whatever
 * names it tried, that block it
 */
@ConfigurationProperties("domaindesk.login")
@Validated
record LoginSettings(@Min(1) @DefaultValue("5") int maxFailures, @NotNull @DefaultValue("15m") Duration window,
		@NotNull @DefaultValue("15m") Duration lockDuration, @Min(1) @DefaultValue("50") int addressMaxFailures) {

}
