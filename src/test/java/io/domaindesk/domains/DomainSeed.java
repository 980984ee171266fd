package io.domaindesk.domains;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Domains for the plan test and the benchmarks, written by one SQL statement (no sync, no
 * sandbox): 20 words over 10 TLDs, one in 20 an IDN name (accents, a CJK one) with its
 * punycode form, 5 % expired and a few other states, some without an expiry date,
 * pending, changed outside or gone, 50 admin, 300 tech and 2,000 billing nichandles. The
 * words cluster in name order (every "xn--" name together), which is what defeats a plan
 * that walks the sort order hoping matches come early.
 */
public final class DomainSeed {

	/** The words of the names, for searches that match something. */
	public static final String[] WORDS = { "atelier", "boulangerie", "cafe", "studio", "agence", "garage", "hotel",
			"pharmacie", "ecole", "jardin", "plomberie", "menuiserie", "avocat", "dentiste", "fleuriste", "librairie",
			"traiteur", "coiffure", "immo", "photo" };

	private static final String INSERT = """
			insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, state, expires_at,
			  contact_admin, contact_tech, contact_billing, owner_contact_id, owner_name, pending_operations,
			  external_change_at, gone_at, last_synced_at, search_text)
			select :agency, :account, a || '-' || i || '.' || t, u || '-' || i || '.' || t, t,
			  case when i % 20 = 0 then 'expired' when i % 97 = 0 then 'dispute' when i % 53 = 0 then null else 'ok' end,
			  case when i % 211 = 0 then null else now() + ((i * 7919) % 1100 - 30) * interval '1 day' end,
			  'ab' || (10000 + i % 50) || '-ovh', 'cd' || (20000 + (i * 31) % 300) || '-ovh',
			  'ef' || (30000 + (i * 17) % 2000) || '-ovh', (i % 5000)::text, 'Owner ' || (i % 5000),
			  case when i % 151 = 0 then 1 else 0 end, case when i % 307 = 0 then now() end,
			  case when i % 499 = 0 then now() end, now(),
			  case when a = u then a || '-' || i || '.' || t else a || '-' || i || '.' || t || ' ' || k || '-' || i || '.' || t end
			from generate_series(:first, :last) i,
			lateral (select case when idn then (array['café', 'crème', 'élève', 'garçon', 'münchen', '日本', 'ñandú', 'forêt',
			                                          'château', 'hôtel'])[j] else x end as u,
			                case when idn then (array['xn--caf-dma', 'xn--crme-6oa', 'xn--lve-6lad', 'xn--garon-0ra',
			                                          'xn--mnchen-3ya', 'xn--wgv71a', 'xn--and-6ma2c', 'xn--fort-ipa',
			                                          'xn--chteau-xta', 'xn--htel-vqa'])[j] else x end as a,
			                case when idn then (array['cafe', 'creme', 'eleve', 'garcon', 'munchen', '日本', 'nandu', 'foret',
			                                          'chateau', 'hotel'])[j] else x end as k,
			                (array['fr', 'com', 'net', 'eu', 'be', 'de', 'org', 'io', 'ch', 'shop'])[1 + (i / 7) % 10] as t
			         from (select i % 20 = 3 as idn, 1 + (i / 20) % 10 as j,
			                      (array['atelier', 'boulangerie', 'cafe', 'studio', 'agence', 'garage', 'hotel', 'pharmacie',
			                             'ecole', 'jardin', 'plomberie', 'menuiserie', 'avocat', 'dentiste', 'fleuriste',
			                             'librairie', 'traiteur', 'coiffure', 'immo', 'photo'])[1 + (i * 13) % 20] as x) x0) g
			""";

	private DomainSeed() {
	}

	/**
	 * Inserts domains number {@code first} to {@code last} (the names carry the number).
	 */
	public static void insert(JdbcClient jdbc, long agencyId, long accountId, int first, int last) {
		jdbc.sql(INSERT)
			.param("agency", agencyId)
			.param("account", accountId)
			.param("first", first)
			.param("last", last)
			.update();
	}

	/** The name of domain number {@code i}, as {@link #insert} writes it. */
	public static String name(int i) {
		String word = (i % 20 == 3)
				? new String[] { "xn--caf-dma", "xn--crme-6oa", "xn--lve-6lad", "xn--garon-0ra", "xn--mnchen-3ya",
						"xn--wgv71a", "xn--and-6ma2c", "xn--fort-ipa", "xn--chteau-xta", "xn--htel-vqa" }[(i / 20) % 10]
				: WORDS[(i * 13) % 20];
		String tld = new String[] { "fr", "com", "net", "eu", "be", "de", "org", "io", "ch", "shop" }[(i / 7) % 10];
		return word + "-" + i + "." + tld;
	}

}
