package io.domaindesk.contacts;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code domaindesk.nic-changes.*}. The two intervals are read by the {@code @Scheduled}
 * annotations themselves; they are bound here too so that a bad value stops the start
 * naming the property.
 *
 * @param pollInterval how often contact-change tasks are read from OVHcloud
 * @param pollInitialDelay the first poll after start-up
 * @param batchWatchInterval how often running batches without a live worker are resumed
 * @param rateLimitPause how long a batch waits after OVHcloud answered 429
 */
@ConfigurationProperties("domaindesk.nic-changes")
@Validated
record NicChangeSettings(@NotNull @DefaultValue("60s") Duration pollInterval,
		@NotNull @DefaultValue("30s") Duration pollInitialDelay,
		@NotNull @DefaultValue("60s") Duration batchWatchInterval,
		@NotNull @DefaultValue("5s") Duration rateLimitPause) {

}
