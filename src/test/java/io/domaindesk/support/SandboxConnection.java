package io.domaindesk.support;

import io.domaindesk.infrastructure.SecretCipher;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Connects an agency to a sandbox account by SQL, for the benchmarks: the secrets sealed
 * to their row as {@code OvhAccountSecrets} seals them (agency, account and field in the
 * associated data). Sealed without them, they no longer decrypt and every sync fails.
 */
public final class SandboxConnection {

	private SandboxConnection() {
	}

	/** The new account's id. */
	public static long connect(JdbcClient jdbc, SecretCipher cipher, long agencyId, String endpoint,
			String applicationKey, String applicationSecret, String consumerKey, int requestsPerMinute) {
		long account = jdbc.sql("""
				insert into ovh_account (agency_id, label, endpoint, application_key, requests_per_minute)
				values (:a, 'OVHcloud', :e, :ak, :rate) returning id
				""")
			.param("a", agencyId)
			.param("e", endpoint)
			.param("ak", applicationKey)
			.param("rate", requestsPerMinute)
			.query(Long.class)
			.single();
		String binding = "ovh_account/agency=" + agencyId + "/account=" + account + "/";
		jdbc.sql("update ovh_account set application_secret_enc = :as, consumer_key_enc = :ck where id = :id")
			.param("as", cipher.encrypt(applicationSecret, binding + "application_secret"))
			.param("ck", cipher.encrypt(consumerKey, binding + "consumer_key"))
			.param("id", account)
			.update();
		return account;
	}

}
