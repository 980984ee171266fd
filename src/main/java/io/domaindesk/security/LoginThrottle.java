package io.domaindesk.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import io.domaindesk.infrastructure.ClientAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two limits on login failures, both kept in PostgreSQL so that every instance enforces
 * the same ones.
 * <ul>
 * <li>Per attempted name (whether or not the account exists): after {@code max-failures}
 * the account is locked, even for the right password, but only for addresses that failed
 * a login in the current window. An address that took no part in the guessing (the owner
 * at their desk) still gets in with the right password, so nobody can lock an account,
 * the platform admin's included, from the addresses they guess from.</li>
 * <li>Per client address ({@link #addressKey}: the address a configured proxy vouches
 * for, an IPv6 client by its /64): after {@code address-max-failures}, whatever names it
 * tried, every login from it is refused for a while, with the same answer as a wrong
 * password. This bounds what one address can try across accounts, and what the bypass
 * above gives a guesser: a fresh address per guess.</li>
 * </ul>
 * A success clears the account's counter, never the address's: otherwise a guesser with
 * an account of their own would log into it between guesses to start again.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final int maxFailures;

	private final Duration window;

	private final Duration lockDuration;

	private final int addressMaxFailures;

	LoginThrottle(JdbcClient jdbc, LoginSettings settings) {
		this.jdbc = jdbc;
		this.maxFailures = settings.maxFailures();
		this.window = settings.window();
		this.lockDuration = settings.lockDuration();
		this.addressMaxFailures = settings.addressMaxFailures();
	}

	/**
	 * Whether a login for {@code username} from {@code address} is refused before its
	 * password is checked: the address is blocked, or the account is locked and the
	 * address failed a login in the current window.
	 */
	@Transactional(readOnly = true)
	boolean refuses(String username, String address) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		return this.jdbc.sql("""
				select exists (select 1 from login_attempt_address
				               where address = :a and blocked_until > :now)
				    or (exists (select 1 from login_attempt where username = :u and locked_until > :now)
				        and exists (select 1 from login_attempt_address
				                    where address = :a and window_started_at >= :windowStart))
				""")
			.param("u", key(username))
			.param("a", addressKey(address))
			.param("now", now)
			.param("windowStart", now.minus(this.window))
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	boolean isAddressBlocked(String address) {
		return this.jdbc.sql("select count(*) from login_attempt_address where address = :a and blocked_until > now()")
			.param("a", addressKey(address))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts a failure from {@code address} (also attempts refused because of a lock:
	 * they are guesses too); answers whether the address is blocked now.
	 */
	@Transactional
	boolean recordAddressFailure(String address) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		return this.jdbc.sql("""
				insert into login_attempt_address (address, failures, window_started_at, blocked_until)
				values (:a, 1, :now, case when 1 >= :max then cast(:blockUntil as timestamptz) end)
				on conflict (address) do update set
				  failures = case when login_attempt_address.window_started_at < :windowStart then 1
				                  else login_attempt_address.failures + 1 end,
				  window_started_at = case when login_attempt_address.window_started_at < :windowStart then :now
				                           else login_attempt_address.window_started_at end,
				  blocked_until = case
				    when login_attempt_address.window_started_at >= :windowStart
				         and login_attempt_address.failures + 1 >= :max
				         and not coalesce(login_attempt_address.blocked_until > :now, false)
				      then cast(:blockUntil as timestamptz)
				    else login_attempt_address.blocked_until end
				returning blocked_until is not null and blocked_until > :now
				""")
			.param("a", addressKey(address))
			.param("now", now)
			.param("max", this.addressMaxFailures)
			.param("windowStart", now.minus(this.window))
			.param("blockUntil", now.plus(this.lockDuration))
			.query(Boolean.class)
			.single();
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

	/**
	 * The address a limit is kept for ({@link ClientAddresses#bucket}; it comes from the
	 * servlet container, behind {@link TrustedProxyFilter}).
	 */
	static String addressKey(String address) {
		return ClientAddresses.bucket(address);
	}

	private static String key(String username) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

}
