package io.domaindesk.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contact-change tasks and trades for the plan tests and the benchmarks of the lists
 * (issue 15), written by one SQL statement each: row {@code i} is {@code i} × 5 minutes
 * old (tasks) or {@code i} × 10 minutes (trades), 20 words in the domain names, 50 and
 * 300 nichandles, 20 users; most tasks and trades settled, a few percent pending, open or
 * awaiting approval, some tasks without a date.
 */
public final class ListSeed {

	private static final String WORDS = "(array['atelier', 'boulangerie', 'cafe', 'studio', 'agence', 'garage', 'hotel',"
			+ " 'pharmacie', 'ecole', 'jardin', 'plomberie', 'menuiserie', 'avocat', 'dentiste', 'fleuriste',"
			+ " 'librairie', 'traiteur', 'coiffure', 'immo', 'photo'])[1 + (i * 13) % 20]";

	private ListSeed() {
	}

	/**
	 * A new agency with an OVHcloud account that is never called: {@code [agency id,
	 * account id]}.
	 */
	public static long[] agency(JdbcClient jdbc, String name) {
		long agency = jdbc.sql("insert into agency (name) values (:n) returning id")
			.param("n", name + " " + java.util.UUID.randomUUID().toString().substring(0, 8))
			.query(Long.class)
			.single();
		long account = jdbc.sql("""
				insert into ovh_account (agency_id, label, endpoint, application_key)
				values (:a, 'OVHcloud', 'http://127.0.0.1:9/1.0', 'unreachable') returning id
				""").param("a", agency).query(Long.class).single();
		return new long[] { agency, account };
	}

	/** Tasks {@code first} to {@code last} of an agency's OVHcloud account. */
	public static void tasks(JdbcClient jdbc, long agencyId, long accountId, int first, int last) {
		jdbc.sql("""
				insert into contact_change_task (ovh_account_id, task_id, agency_id, domain_name, contact_types,
				  from_account, to_account, asking_account, state, date_request, date_done)
				select :account, i, :agency, %s || '-' || i || '.fr',
				  case i %% 3 when 0 then 'contactTech' when 1 then 'contactAdmin' else 'contactAdmin,contactTech' end,
				  'ab' || (10000 + i %% 50) || '-ovh', 'cd' || (20000 + (i * 31) %% 300) || '-ovh',
				  'ab' || (10000 + i %% 50) || '-ovh',
				  case when i %% 40 = 0 then 'todo' when i %% 41 = 0 then 'validatingByCustomers'
				       when i %% 97 = 0 then 'doing' when i %% 13 = 0 then 'refused' when i %% 17 = 0 then 'expired'
				       when i %% 101 = 0 then 'error' else 'done' end,
				  case when i %% 503 = 0 then null else now() - i * interval '5 minutes' end,
				  case when i %% 40 <> 0 then now() - i * interval '5 minutes' + interval '2 days' end
				from generate_series(:first, :last) i
				""".formatted(WORDS))
			.param("account", accountId)
			.param("agency", agencyId)
			.param("first", first)
			.param("last", last)
			.update();
	}

	/** Trades {@code first} to {@code last} of an agency. */
	public static void trades(JdbcClient jdbc, long agencyId, long accountId, int first, int last) {
		jdbc.sql("""
				insert into trade (agency_id, ovh_account_id, domain_name, status, old_owner_name, new_owner_name,
				  plan_code, pricing_mode, option_price, created_by, created_at, submitted_by, approved_by, updated_at)
				select :agency, :account, %s || '-' || i || '.fr',
				  case when i %% 200 = 0 then 'AWAITING_APPROVAL' when i %% 150 = 0 then 'IN_PROGRESS'
				       when i %% 90 = 0 then 'FAILED' when i %% 70 = 0 then 'CANCELLED' when i %% 333 = 0 then 'DRAFT'
				       else 'DONE' end,
				  'Owner ' || i %% 5000, 'New owner ' || i %% 3000, 'trade', 'default', '30.00 EUR',
				  'user-' || lpad((i %% 20)::text, 2, '0'), now() - i * interval '10 minutes',
				  'user-' || lpad(((i + 1) %% 20)::text, 2, '0'),
				  case when i %% 3 = 0 then 'user-' || lpad(((i + 2) %% 20)::text, 2, '0') end, now()
				from generate_series(:first, :last) i
				""".formatted(WORDS))
			.param("account", accountId)
			.param("agency", agencyId)
			.param("first", first)
			.param("last", last)
			.update();
	}

}
