package io.domaindesk.clients;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Consent links ({@code domaindesk.consent.*}).
 *
 * @param expiry how long a link works
 * @param publicUrl the address recipients reach DomainDesk at, for the link in the
 * e-mail; without it, the address of the request that created the link (fine locally, set
 * it behind a proxy)
 * @param requestsPerMinute what one IP address may ask of the public page per minute
 * @param maxComment the longest comment kept with an answer
 */
@Validated
@ConfigurationProperties("domaindesk.consent")
record ConsentProperties(@NotNull @DefaultValue("7d") Duration expiry, URI publicUrl,
		@Min(1) @Max(10_000) @DefaultValue("30") int requestsPerMinute,
		@Min(0) @Max(1000) @DefaultValue("1000") int maxComment) {

}
