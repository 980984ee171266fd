package io.domaindesk.domains;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code domaindesk.sync.*}: when the inventory is synced from OVHcloud, and how much of
 * the machine a sync may take.
 *
 * @param cron the scheduled full sync (once across instances); read by the
 * {@code @Scheduled} annotation itself, checked here so a typo stops the start
 * @param onStartup whether agencies never synced get a first sync at start-up
 * @param pageSize domains per Iceberg page (OVHcloud serves up to 1,000)
 * @param busyShare the share of its wall time a sync spends working (reading a page from
 * OVHcloud and writing it); after each page it pauses for the rest, so that users'
 * requests keep the machine and the database; {@code 1} never pauses
 */
@ConfigurationProperties("domaindesk.sync")
@Validated
record SyncSettings(@NotBlank @DefaultValue("0 0 */6 * * *") String cron, @DefaultValue("true") boolean onStartup,
		@Min(1) @Max(1000) @DefaultValue("500") int pageSize,
		@DecimalMin("0.05") @DecimalMax("1") @DefaultValue("0.25") double busyShare) {

}
