package io.domaindesk.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses further attempts on an account after too many failures in a window. The counter
 * lives in PostgreSQL so that every instance enforces the same limit; it counts per
 * attempted name whether or not the account exists.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final int maxFailures;

	private final Duration window;

	private final Duration lockDuration;

	LoginThrottle(JdbcClient jdbc, LoginSettings settings) {
		this.jdbc = jdbc;
		this.maxFailures = settings.maxFailures();
		this.window = settings.window();
		this.lockDuration = settings.lockDuration();
	}

	@Transactional(readOnly = true)
	boolean isLocked(String username) {
		return this.jdbc.sql("select locked_until from login_attempt where username = :u")
			.param("u", key(username))
			.query(OffsetDateTime.class)
			.optional()
			.map(until -> until.toInstant().isAfter(Instant.now()))
			.orElse(false);
	}

	/**
	 * Counts a failure in one statement (no read-modify-write race between instances): a
	 * failure outside the window starts a new window; the failure that reaches the limit
	 * sets the lock.
	 */
	@Transactional
	boolean recordFailure(String username) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		return this.jdbc.sql("""
				insert into login_attempt (username, failures, window_started_at, locked_until)
				values (:u, 1, :now, case when 1 >= :max then cast(:lockUntil as timestamptz) end)
				on conflict (username) do update set
				  failures = case when login_attempt.window_started_at < :windowStart then 1
				                  else login_attempt.failures + 1 end,
				  window_started_at = case when login_attempt.window_started_at < :windowStart then :now
				                           else login_attempt.window_started_at end,
				  locked_until = case
				    when login_attempt.window_started_at >= :windowStart and login_attempt.failures + 1 >= :max
				      then cast(:lockUntil as timestamptz)
				    else login_attempt.locked_until end
				returning locked_until is not null and locked_until > :now
				""")
			.param("u", key(username))
			.param("now", now)
			.param("max", this.maxFailures)
			.param("windowStart", now.minus(this.window))
			.param("lockUntil", now.plus(this.lockDuration))
			.query(Boolean.class)
			.single();
	}

	@Transactional
	void recordSuccess(String username) {
		this.jdbc.sql("delete from login_attempt where username = :u").param("u", key(username)).update();
	}

	private static String key(String username) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

}
