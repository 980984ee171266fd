package io.domaindesk.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code domaindesk.audit.*}. The two schedules are read by the {@code @Scheduled}
 * annotations; they are bound here too so that an empty one stops the start naming it.
 *
 * @param platformRetentionMonths closed months of platform-level events (no agency) kept
 * @param verifyCron when every chain is verified
 * @param purgeCron when the retention purge runs (in {@code domaindesk.time-zone})
 */
@ConfigurationProperties("domaindesk.audit")
@Validated
record AuditSettings(@Min(1) @DefaultValue("12") int platformRetentionMonths,
		@NotBlank @DefaultValue("0 17 * * * *") String verifyCron,
		@NotBlank @DefaultValue("0 30 3 * * *") String purgeCron) {

}
