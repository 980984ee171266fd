package io.domaindesk.clients;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.domains.InventoryBench;
import io.domaindesk.support.DemoInventory;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Clients are owner identities, not OVHcloud contact ids: two owner contacts of the same
 * person or organisation (an OVHcloud copy with a new id, as after a trade) are one
 * client, and staff merges, splits and labels survive every new grouping.
 */
@IntegrationTest
class ClientGroupingTests {

	private static final String PREFIX = "fixture-clients-";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DeskUsers users;

	@Autowired
	ClientGrouping grouping;

	@Autowired
	ManageClients manage;

	@Autowired
	InventoryBench inventory;

	@Autowired
	TransactionTemplate transactions;

	private long agency;

	private long account;

	private DeskPrincipal bob;

	@BeforeEach
	void synced() {
		this.bob = this.users.findByUsername("bob").orElseThrow();
		this.agency = DemoInventory.synced(this.jdbc, this.mvc, this.bob);
		this.account = this.jdbc.sql("select min(id) from ovh_account where agency_id = :a")
			.param("a", this.agency)
			.query(Long.class)
			.single();
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(this.bob, null, this.bob.getAuthorities()));
	}

	@AfterEach
	void removeFixtures() {
		SecurityContextHolder.clearContext();
		this.jdbc.sql("delete from client_pin where domain_name like 'fixture-clients-%'").update();
		this.jdbc.sql("delete from domain where name like 'fixture-clients-%'").update();
		this.grouping.regroup(this.agency);
	}

	@Test
	void theSyncGroupsTheDemoInventoryIntoClients() {
		assertThat(this.jdbc.sql("""
				select count(*) from domain d where d.agency_id = :a and d.gone_at is null
				  and d.owner_contact_id is not null
				  and not exists (select 1 from domain_client dc where dc.domain_id = d.id)
				""").param("a", this.agency).query(Long.class).single()).isZero();
		assertThat(this.mvc.get().uri("/clients").with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("Clients")
			.contains("Consents waiting");
	}

	@Test
	void anOwnerCopiedWithANewContactIdAfterATradeStaysTheSameClient() {
		domain("a.com", "9000001", "ACME Édition S.A.S.", "corporation", "Contact@Acme.example");
		domain("b.com", "9000001", "ACME Édition S.A.S.", "corporation", "Contact@Acme.example");
		domain("c.com", "9000002", "Jeanne Martin", null, "jeanne@example.net");
		this.grouping.regroup(this.agency);
		long acme = clientOf("a.com");
		assertThat(clientOf("b.com")).isEqualTo(acme);
		assertThat(clientOf("c.com")).isNotEqualTo(acme);

		// The trade completes: OVHcloud gives b.com a copy of the same owner with a new
		// id, written differently (case, accents, punctuation).
		this.jdbc
			.sql("update domain set owner_contact_id = '9000003', owner_organisation = 'Acme Edition SAS',"
					+ " owner_email = 'contact@acme.example' where name = :n")
			.param("n", PREFIX + "b.com")
			.update();
		this.grouping.regroup(this.agency);
		assertThat(clientOf("b.com")).isEqualTo(acme);
		assertThat(this.mvc.get().uri("/clients/{id}", acme).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains(PREFIX + "a.com")
			.contains(PREFIX + "b.com")
			.contains("9000001")
			.contains("9000003")
			.doesNotContain(PREFIX + "c.com")
			// The rows of /domains (one fragment), their boxes ticking for the split.
			.contains("<a href=\"/domains/" + PREFIX + "a.com\">")
			.contains("form=\"split-form\" value=\"" + PREFIX + "a.com\"")
			.doesNotContain("bulk-form");
		// The domain list filters by client, agency first.
		assertThat(this.mvc.get().uri("/domains?client={id}", acme).with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains(PREFIX + "a.com")
			.contains(PREFIX + "b.com")
			.contains("form=\"bulk-form\" value=\"" + PREFIX + "b.com\"")
			.doesNotContain(PREFIX + "c.com");
	}

	/**
	 * The same, through OVHcloud and a real sync: the sandbox's owner of a domain becomes
	 * a copy of it under a new id (as a completed trade leaves it), e-mail written in
	 * capitals; the sync reads the new contact, the grouping keeps the client.
	 */
	@Test
	void aSyncThatFindsTheOwnerCopiedUnderANewIdKeepsTheClient() {
		String domain = DemoInventory.reserve(this.jdbc, this.agency, "ae1000-ovh", 1).get(0);
		Map<String, Object> before = this.jdbc
			.sql("select dc.client_id, d.owner_contact_id from domain d left join domain_client dc"
					+ " on dc.domain_id = d.id where d.agency_id = :a and d.name = :d")
			.param("a", this.agency)
			.param("d", domain)
			.query()
			.singleRow();
		assertThat(before.get("client_id")).isNotNull();
		long copy = this.jdbc.sql("select nextval('ovh_sandbox.object_id_seq')").query(Long.class).single();
		this.jdbc
			.sql("""
					insert into ovh_sandbox.object (kind, id, parties, ref, doc)
					select kind, :copy, parties, ref,
					  jsonb_set(jsonb_set(doc, '{id}', to_jsonb(cast(:copy as bigint))), '{email}', to_jsonb(upper(doc ->> 'email')))
					from ovh_sandbox.object where kind = 'contact' and id = :old
					""")
			.param("copy", Long.toString(copy))
			.param("old", before.get("owner_contact_id"))
			.update();
		this.jdbc.sql("""
				update ovh_sandbox.object set ref = :copy, doc = jsonb_set(jsonb_set(doc, '{whoisOwner}',
				  to_jsonb(cast(:copy as text))), '{contactOwner,id}', to_jsonb(cast(:copy as text)))
				where kind = 'domain' and id = :d
				""").param("copy", Long.toString(copy)).param("d", domain).update();

		assertThat(this.inventory.syncNow(this.agency)).isTrue();
		Map<String, Object> after = this.jdbc
			.sql("select dc.client_id, d.owner_contact_id from domain d left join domain_client dc"
					+ " on dc.domain_id = d.id where d.agency_id = :a and d.name = :d")
			.param("a", this.agency)
			.param("d", domain)
			.query()
			.singleRow();
		assertThat(after.get("owner_contact_id")).isEqualTo(Long.toString(copy));
		assertThat(after.get("client_id")).isEqualTo(before.get("client_id"));
	}

	@Test
	void anOwnerWhoReallyChangesLeavesTheClient() {
		domain("d.com", "9000011", null, "individual", "paul@example.net", "Paul Durand");
		domain("e.com", "9000011", null, "individual", "paul@example.net", "Paul Durand");
		this.grouping.regroup(this.agency);
		long paul = clientOf("d.com");
		this.jdbc
			.sql("update domain set owner_contact_id = '9000012', owner_name = 'Zoé Petit',"
					+ " owner_email = 'zoe@example.net' where name = :n")
			.param("n", PREFIX + "e.com")
			.update();
		this.grouping.regroup(this.agency);
		assertThat(clientOf("e.com")).isNotEqualTo(paul);
		assertThat(clientOf("d.com")).isEqualTo(paul);
	}

	@Test
	void mergesSplitsAndLabelsSurviveTheNextGrouping() {
		domain("f.com", "9000021", "Studio Lune", "corporation", "hello@lune.example");
		domain("g.com", "9000022", "Lune Studio", "corporation", "hello@lune.example");
		domain("h.com", "9000021", "Studio Lune", "corporation", "hello@lune.example");
		this.grouping.regroup(this.agency);
		long lune = clientOf("f.com");
		long other = clientOf("g.com");
		assertThat(other).isNotEqualTo(lune);

		this.manage.merge(this.agency, lune, other);
		this.manage.label(this.agency, lune, "VIP");
		this.grouping.regroup(this.agency);
		assertThat(clientOf("g.com")).isEqualTo(lune);
		assertThat(this.jdbc.sql("select count(*) from client where id = :id")
			.param("id", other)
			.query(Long.class)
			.single()).isZero();

		Long split = this.manage.split(this.agency, lune, Set.of(PREFIX + "h.com"), "Lune shop");
		this.grouping.regroup(this.agency);
		assertThat(clientOf("h.com")).isEqualTo(split);
		assertThat(clientOf("f.com")).isEqualTo(lune);
		assertThat(clientOf("g.com")).isEqualTo(lune);
		assertThat(
				this.jdbc.sql("select label from client where id = :id").param("id", lune).query(String.class).single())
			.isEqualTo("VIP");
		assertThat(this.jdbc.sql("select domain_count from client where id = :id")
			.param("id", lune)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.mvc.get().uri("/clients?q=vip").with(user(this.bob))).hasStatusOk()
			.bodyText()
			.contains("Studio Lune");
	}

	/**
	 * What made the first grouping cost a quarter of the first sync: filing a domain
	 * rewrote its row (a new version in each of the domain table's indexes), and a new
	 * client was written twice (created, then counted). Counted by PostgreSQL within the
	 * grouping's own transaction: new domains and new owners are filed without updating a
	 * single domain, client or link row, and each new client comes with its figures.
	 */
	@Test
	void aFirstGroupingWritesEachClientAndLinkOnceAndRewritesNoDomain() {
		domain("j.com", "9000041", "Atelier Onde", "corporation", "bonjour@onde.example");
		domain("k.com", "9000041", "Atelier Onde", "corporation", "bonjour@onde.example");
		domain("l.com", "9000042", null, "individual", "remi@example.net", "Rémi Caron");
		// Counted before and after: the counters also hold what this connection did
		// earlier and PostgreSQL has not yet folded into its totals.
		Map<String, Long> writes = this.transactions.execute(status -> {
			Map<String, Long> before = writeCounts();
			this.grouping.regroup(this.agency);
			Map<String, Long> after = writeCounts();
			after.replaceAll((what, count) -> count - before.get(what));
			return after;
		});
		assertThat(writes).containsEntry("domains updated", 0L)
			.containsEntry("clients updated", 0L)
			.containsEntry("links updated", 0L)
			.containsEntry("clients", 2L)
			.containsEntry("links", 3L);
		long onde = clientOf("j.com");
		assertThat(clientOf("k.com")).isEqualTo(onde);
		assertThat(clientOf("l.com")).isNotEqualTo(onde);
		assertThat(this.jdbc.sql("""
				select c.domain_count = 2 and c.next_expiry = (select min(expires_at) from domain
				  where name in ('fixture-clients-j.com', 'fixture-clients-k.com'))
				from client c where c.id = :id
				""").param("id", onde).query(Boolean.class).single()).isTrue();
	}

	@Test
	void anotherAgencysClientIsNotFound() {
		domain("i.com", "9000031", "Secret Corp", "corporation", "s@secret.example");
		this.grouping.regroup(this.agency);
		DeskPrincipal carol = this.users.findByUsername("carol").orElseThrow();
		assertThat(this.mvc.get().uri("/clients/{id}", clientOf("i.com")).with(user(carol))).hasStatus(404);
	}

	private void domain(String name, String ownerId, String organisation, String legalForm, String email) {
		domain(name, ownerId, organisation, legalForm, email, null);
	}

	private void domain(String name, String ownerId, String organisation, String legalForm, String email,
			String person) {
		this.jdbc.sql("""
				insert into domain (agency_id, ovh_account_id, name, unicode_name, tld, state, expires_at,
				  owner_contact_id, owner_name, owner_organisation, owner_email, owner_legal_form, search_text)
				values (:a, :acc, :n, :n, 'com', 'ok', now() + interval '200 days', :owner, :person, :org, :email,
				  :form, :n)
				""")
			.param("a", this.agency)
			.param("acc", this.account)
			.param("n", PREFIX + name)
			.param("owner", ownerId)
			.param("person", person)
			.param("org", organisation)
			.param("email", email)
			.param("form", legalForm)
			.update();
	}

	/** What this transaction wrote so far, per table and kind of write. */
	private Map<String, Long> writeCounts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select coalesce(sum(n_tup_upd) filter (where relname = 'domain'), 0) as "domains updated",
				       coalesce(sum(n_tup_upd) filter (where relname = 'client'), 0) as "clients updated",
				       coalesce(sum(n_tup_upd) filter (where relname = 'domain_client'), 0) as "links updated",
				       coalesce(sum(n_tup_ins) filter (where relname = 'client'), 0) as clients,
				       coalesce(sum(n_tup_ins) filter (where relname = 'domain_client'), 0) as links
				from pg_stat_xact_user_tables where schemaname = 'public'
				""").query().singleRow().forEach((what, count) -> counts.put(what, ((Number) count).longValue()));
		return counts;
	}

	private long clientOf(String name) {
		List<Long> ids = this.jdbc.sql(
				"select dc.client_id from domain d left join domain_client dc on dc.domain_id = d.id where d.name = :n")
			.param("n", PREFIX + name)
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(1).doesNotContainNull();
		return ids.get(0);
	}

}
