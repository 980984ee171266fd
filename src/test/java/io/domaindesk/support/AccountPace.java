package io.domaindesk.support;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agency's OVHcloud accounts calling as fast as an account may (6,000 calls a minute)
 * until {@link #close()} gives them their own pace back. For tests whose claim does not
 * depend on the client's pace: at the demo account's 600 calls a minute (halved for a
 * minute after a 429) most of their calls waited 0.1 to 0.2 s for a permit. A new pace is
 * a new connection, so a client of its own, which learns the clock and slows down on 429
 * as any; the pacing itself is proven by {@code OvhRateLimiterTest} and
 * {@code OvhClientTest}.
 */
public final class AccountPace implements AutoCloseable {

	private final JdbcClient jdbc;

	private final List<Map.Entry<Long, Integer>> own;

	private AccountPace(JdbcClient jdbc, List<Map.Entry<Long, Integer>> own) {
		this.jdbc = jdbc;
		this.own = own;
	}

	public static AccountPace unpaced(JdbcClient jdbc, long agency) {
		List<Map.Entry<Long, Integer>> own = jdbc
			.sql("select id, requests_per_minute from ovh_account where agency_id = :a")
			.param("a", agency)
			.query((row, i) -> Map.entry(row.getLong(1), row.getInt(2)))
			.list();
		jdbc.sql("update ovh_account set requests_per_minute = 6000 where agency_id = :a").param("a", agency).update();
		return new AccountPace(jdbc, own);
	}

	@Override
	public void close() {
		this.own.forEach((account) -> this.jdbc.sql("update ovh_account set requests_per_minute = :rate where id = :id")
			.param("rate", account.getValue())
			.param("id", account.getKey())
			.update());
	}

}
