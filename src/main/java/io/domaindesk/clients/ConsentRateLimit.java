package io.domaindesk.clients;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.domaindesk.infrastructure.ClientAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Requests per client address and minute on the public consent page: enough for a person
 * reading and answering, far too few to try tokens. Counted in PostgreSQL, one row per
 * address ({@link ClientAddresses#bucket}: an IPv6 client by its /64) and minute of the
 * database's clock, so that all instances together admit the limit, not each its own.
 */
@Component
class ConsentRateLimit {

	private final JdbcClient jdbc;

	private final ConsentProperties properties;

	ConsentRateLimit(JdbcClient jdbc, ConsentProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Counts one request in one statement (no read-modify-write race between instances);
	 * false when this address is over its limit this minute.
	 */
	boolean admit(String ip) {
		int requests = this.jdbc.sql("""
				insert into consent_rate_window (address, window_start, requests)
				values (:address, date_trunc('minute', now()), 1)
				on conflict (address, window_start) do update set requests = consent_rate_window.requests + 1
				returning requests
				""").param("address", ClientAddresses.bucket(ip)).query(Integer.class).single();
		return requests <= this.properties.requestsPerMinute();
	}

	/**
	 * Deletes the windows of earlier minutes: the table holds a few minutes of addresses,
	 * however many came.
	 */
	@Scheduled(fixedDelayString = "PT2M", initialDelayString = "PT1M")
	@SchedulerLock(name = "consent-rate-purge", lockAtMostFor = "PT2M")
	void purge() {
		this.jdbc.sql("delete from consent_rate_window where window_start < date_trunc('minute', now())").update();
	}

	/** Tests start from a clean slate (they all come from 127.0.0.1). */
	void forget() {
		this.jdbc.sql("delete from consent_rate_window").update();
	}

}
