package io.domaindesk.ovh;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Client tuning shared by every OVHcloud connection ({@code domaindesk.ovh.*}).
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout time allowed for a whole response
 * @param maxAttempts attempts of a read (GET) before giving up; writes are sent once
 * @param initialBackoff first retry delay, doubled each attempt, with jitter
 * @param maxBackoff ceiling of one retry delay
 * @param rateLimitBurst requests a connection may send at once before the per-minute pace
 * applies
 * @param maxRateLimitWait longest a caller waits for a permit before failing
 * @param listConcurrency parallel GETs when a list answers with ids only
 * @param pageSize default page size of list calls
 */
@ConfigurationProperties("domaindesk.ovh")
public record OvhProperties(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration initialBackoff,
		Duration maxBackoff, int rateLimitBurst, Duration maxRateLimitWait, int listConcurrency, int pageSize) {

	public OvhProperties {
		connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(5));
		readTimeout = orDefault(readTimeout, Duration.ofSeconds(30));
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 3;
		initialBackoff = orDefault(initialBackoff, Duration.ofMillis(500));
		maxBackoff = orDefault(maxBackoff, Duration.ofSeconds(10));
		rateLimitBurst = (rateLimitBurst > 0) ? rateLimitBurst : 5;
		maxRateLimitWait = orDefault(maxRateLimitWait, Duration.ofMinutes(2));
		listConcurrency = (listConcurrency > 0) ? Math.min(listConcurrency, 10) : 6;
		pageSize = (pageSize > 0) ? pageSize : 500;
	}

	public static OvhProperties defaults() {
		return new OvhProperties(null, null, 0, null, null, 0, null, 0, 0);
	}

	public OvhProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
		return new OvhProperties(connectTimeout, readTimeout, this.maxAttempts, this.initialBackoff, this.maxBackoff,
				this.rateLimitBurst, this.maxRateLimitWait, this.listConcurrency, this.pageSize);
	}

	public OvhProperties withRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		return new OvhProperties(this.connectTimeout, this.readTimeout, maxAttempts, initialBackoff, maxBackoff,
				this.rateLimitBurst, this.maxRateLimitWait, this.listConcurrency, this.pageSize);
	}

	public OvhProperties withRateLimit(int rateLimitBurst, Duration maxRateLimitWait) {
		return new OvhProperties(this.connectTimeout, this.readTimeout, this.maxAttempts, this.initialBackoff,
				this.maxBackoff, rateLimitBurst, maxRateLimitWait, this.listConcurrency, this.pageSize);
	}

	public OvhProperties withLists(int listConcurrency, int pageSize) {
		return new OvhProperties(this.connectTimeout, this.readTimeout, this.maxAttempts, this.initialBackoff,
				this.maxBackoff, this.rateLimitBurst, this.maxRateLimitWait, listConcurrency, pageSize);
	}

	private static Duration orDefault(Duration value, Duration fallback) {
		return (value == null || value.isNegative() || value.isZero()) ? fallback : value;
	}

}
