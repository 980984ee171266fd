package io.domaindesk.contacts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the contact-change poll reads OVHcloud ({@code domaindesk.nic-changes.*}).
 *
 * @param pollPageSize Iceberg page size of the per-state lists (OVHcloud's manager asks
 * 5,000): one request per state as long as a state holds fewer tasks
 * @param maxReadsPerPoll at most this many tasks read one by one in a poll (new ones
 * without Iceberg, and those that left the pending states), newest first; the rest wait
 * for the next poll
 */
@Validated
@ConfigurationProperties("domaindesk.nic-changes")
record ContactChangePollSettings(@DefaultValue("5000") @Min(1) @Max(50000) int pollPageSize,
		@DefaultValue("200") @Min(1) @Max(100000) int maxReadsPerPoll) {

}
