package io.domaindesk.trades;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.agency.DeskUsers;
import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.DomainTask;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhDomainsApi;
import io.domaindesk.sandbox.SandboxAccounts;
import io.domaindesk.sandbox.SandboxControl;
import io.domaindesk.sandbox.SandboxFixtures;
import io.domaindesk.sandbox.SandboxMail;
import io.domaindesk.support.AccountPace;
import io.domaindesk.support.DemoInventory;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the trade tests share: the demo agency (Agence Exemple, sandbox account
 * {@value #ACCOUNT}) with alice (admin) and bob (staff), a domain of its own for each
 * test — created in the sandbox and synced in, never picked from the seeded data other
 * tests read — and the steps of a trade as the pages post them.
 */
public final class TradeFixture {

	/** The sandbox account of Agence Exemple. */
	public static final String ACCOUNT = "ae1000-ovh";

	private final MockMvcTester mvc;

	private final JdbcClient jdbc;

	private final TradeRepository trades;

	private final TradeTracker tracker;

	private final Inventory inventory;

	private final TradeConnections connections;

	private final SandboxControl sandbox;

	private final SandboxAccounts accounts;

	private final SandboxFixtures fixtures;

	private final DeskPrincipal alice;

	private final DeskPrincipal bob;

	private final long agency;

	private final OvhAccounts ovhAccounts;

	private final OvhClients clients;

	private final MeterRegistry registry;

	/**
	 * The agency's accounts unpaced by {@link #unpaced()}, given their pace back by
	 * heal().
	 */
	private AccountPace pace;

	/** The calls made inside a transaction before the test, per method and route. */
	private final Map<String, Double> callsInTransaction;

	public TradeFixture(ApplicationContext context) {
		this.mvc = context.getBean(MockMvcTester.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.trades = context.getBean(TradeRepository.class);
		this.tracker = context.getBean(TradeTracker.class);
		this.inventory = context.getBean(Inventory.class);
		this.connections = context.getBean(TradeConnections.class);
		this.sandbox = context.getBean(SandboxControl.class);
		this.accounts = context.getBean(SandboxAccounts.class);
		this.fixtures = SandboxFixtures.of(context);
		DeskUsers users = context.getBean(DeskUsers.class);
		this.alice = users.findByUsername("alice").orElseThrow();
		this.bob = users.findByUsername("bob").orElseThrow();
		this.agency = DemoInventory.synced(this.jdbc, this.mvc, this.bob);
		this.ovhAccounts = context.getBean(OvhAccounts.class);
		this.clients = context.getBean(OvhClients.class);
		this.registry = context.getBean(MeterRegistry.class);
		this.callsInTransaction = callsInTransaction();
	}

	public long agency() {
		return this.agency;
	}

	public DeskPrincipal alice() {
		return this.alice;
	}

	public DeskPrincipal bob() {
		return this.bob;
	}

	/** The sandbox account's switches (payment, owner copies, tasks in error). */
	public SandboxAccounts accounts() {
		return this.accounts;
	}

	/**
	 * Lets the agency's client call OVHcloud as fast as an account may until
	 * {@link #heal()} ({@link AccountPace}): for tests whose claim does not depend on the
	 * client's pace.
	 */
	public void unpaced() {
		if (this.pace == null) {
			this.pace = AccountPace.unpaced(this.jdbc, this.agency);
		}
	}

	/**
	 * Heals what a test switched (faults, the account's behaviours, four eyes), then
	 * checks that no OVHcloud call of the test was made inside a database transaction.
	 */
	public void heal() {
		this.sandbox.clearFaults();
		if (this.pace != null) {
			this.pace.close();
			this.pace = null;
		}
		if (this.accounts.paymentMeanRoutesOnly(ACCOUNT)) {
			paymentMeanRoutesOnly(false);
		}
		this.accounts.reset(ACCOUNT);
		this.jdbc.sql("update agency set four_eyes_trades = true where id = :a").param("a", this.agency).update();
		Map<String, Double> after = callsInTransaction();
		after.replaceAll((route, count) -> count - this.callsInTransaction.getOrDefault(route, 0.0));
		after.values().removeIf((count) -> count == 0);
		assertThat(after).as("OVHcloud calls made inside a database transaction during the test").isEmpty();
	}

	private Map<String, Double> callsInTransaction() {
		Map<String, Double> counts = new TreeMap<>();
		for (Counter counter : this.registry.find(OvhClients.CALLS_IN_TRANSACTION).counters()) {
			counts.merge(counter.getId().getTag("method") + " " + counter.getId().getTag("path"), counter.count(),
					Double::sum);
		}
		return counts;
	}

	/**
	 * A new domain of this TLD in the agency's account, in state ok, with an individual
	 * owner of its own and no history anywhere; synced into the inventory.
	 */
	public String domain(String tld) {
		return domain(tld, "individual");
	}

	/**
	 * A new domain like {@link #domain(String)} whose owner has this legal form, with
	 * plain names (and an organisation name unless an individual).
	 */
	public String domain(String tld, String legalForm) {
		String name = this.fixtures.newDomain(ACCOUNT, tld, legalForm);
		sync();
		assertThat(this.inventory.find(this.agency, name)).as("%s after the sync", name).isPresent();
		return name;
	}

	/**
	 * Serves the account as an endpoint without {@code /me/payment/method} would (or
	 * back), and drops DomainDesk's client of it: a client reads the endpoint's schema
	 * once, as a restarted application would read it again.
	 */
	public void paymentMeanRoutesOnly(boolean only) {
		this.accounts.setPaymentMeanRoutesOnly(ACCOUNT, only);
		for (OvhAccounts.AgencyConnection account : this.ovhAccounts.forAgency(this.agency)) {
			this.clients.forget(account.connection());
		}
	}

	/** A sync of the agency through {@code POST /sync}, waited for. */
	public void sync() {
		long before = this.jdbc.sql("select coalesce(max(id), 0) from sync_run where agency_id = :a")
			.param("a", this.agency)
			.query(Long.class)
			.single();
		assertThat(this.mvc.post().uri("/sync").with(user(this.bob)).with(csrf())).hasStatus3xxRedirection();
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from sync_run where agency_id = :a and id > :before and status <> 'RUNNING'")
				.param("a", this.agency)
				.param("before", before)
				.query(Long.class)
				.single() > 0);
	}

	/** Starts a trade towards a new individual contact; returns it once priced. */
	public Trade start(String domain, String firstName, String lastName, DeskPrincipal who) {
		Map<String, String> owner = new LinkedHashMap<>();
		owner.put("legalForm", "individual");
		owner.put("firstName", firstName);
		owner.put("lastName", lastName);
		owner.put("email", firstName.toLowerCase() + "." + lastName.toLowerCase() + "@example.net");
		owner.put("phone", "+33.612345678");
		owner.put("language", "fr_FR");
		owner.put("address.line1", "1 rue de la Paix");
		owner.put("address.city", "Paris");
		owner.put("address.zip", "75002");
		owner.put("address.country", "FR");
		assertThat(post("/domains/{d}/trade", domain, owner).with(user(who))).hasStatus3xxRedirection()
			.flash()
			.containsEntry("flash", "trade.prepared");
		List<Trade> all = this.trades.findByAgencyIdAndDomainNameOrderByIdDesc(this.agency, domain);
		assertThat(all).isNotEmpty();
		return all.get(0);
	}

	/** Started by bob, then submitted by bob. */
	Trade submitted(String domain, String firstName, String lastName) {
		Trade trade = start(domain, firstName, lastName, this.bob);
		submit(trade, this.bob);
		return reload(trade);
	}

	void submit(Trade trade, DeskPrincipal who) {
		assertThat(this.mvc.post().uri("/trades/{id}/submit", trade.getId()).with(user(who)).with(csrf()))
			.hasStatus3xxRedirection();
	}

	/** A form post of owner fields, as the owner and trade pages send them. */
	MockMvcTester.MockMvcRequestBuilder post(String uri, String domain, Map<String, String> fields) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.post().uri(uri, domain).with(csrf());
		fields.forEach((key, value) -> request.param("fields[" + key + "]", value));
		return request;
	}

	MockMvcTester.MockMvcRequestBuilder approve(Trade trade, DeskPrincipal who, boolean waive, boolean autoPay) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.post()
			.uri("/trades/{id}/approve", trade.getId())
			.with(user(who))
			.with(csrf());
		if (waive) {
			request.param("waiveRetractationPeriod", "true");
		}
		if (autoPay) {
			request.param("autoPayWithPreferredPaymentMethod", "true");
		}
		return request;
	}

	/** Approved by alice with both boxes. */
	MockMvcTester.MockMvcRequestBuilder approve(Trade trade) {
		return approve(trade, this.alice, true, true);
	}

	/** Paid by alice with the registered means. */
	MockMvcTester.MockMvcRequestBuilder pay(Trade trade) {
		return this.mvc.post().uri("/trades/{id}/pay", trade.getId()).with(user(this.alice)).with(csrf());
	}

	Trade reload(Trade trade) {
		return this.trades.findById(trade.getId()).orElseThrow();
	}

	/**
	 * One reading of the trade at OVHcloud, as the background poll makes it.
	 * @return its state afterwards
	 */
	public String follow(long tradeId) {
		return this.tracker.follow(tradeId).getStatus().name();
	}

	/** Both owners confirm the owner change from the e-mails OVHcloud sent them. */
	public void confirmBoth(long taskId) {
		List<SandboxMail> mails = this.sandbox.mailsForTask(taskId);
		assertThat(mails.stream().filter(m -> m.token() != null)).hasSize(2);
		for (SandboxMail mail : mails.stream().filter(m -> m.token() != null).toList()) {
			this.sandbox.answerTrade(taskId, mail.token(), true);
		}
	}

	/** The outcomes of a step in the trade's history, in order. */
	String steps(Trade trade, String step) {
		return this.jdbc.sql("""
				select coalesce(string_agg(outcome, ',' order by id), '') from trade_event
				where trade_id = :t and step = :step
				""").param("t", trade.getId()).param("step", step).query(String.class).single();
	}

	/** The outcomes of an audit action on a domain, in order. */
	String outcomes(String action, String domain) {
		return this.jdbc
			.sql("""
					select coalesce(string_agg(outcome, ',' order by id), '') from audit_event where action = :action and target_domain = :d
					""")
			.param("action", action)
			.param("d", domain)
			.query(String.class)
			.single();
	}

	/** How many owner drifts the inventory reports for the domain. */
	long drifts(String domain) {
		return this.jdbc.sql("""
				select count(*) from domain_drift f join domain d on d.id = f.domain_id
				where d.agency_id = :a and d.name = :d and f.field = 'owner'
				""").param("a", this.agency).param("d", domain).query(Long.class).single();
	}

	/**
	 * The domain's owner contact as OVHcloud has it now, flattened as the form posts it.
	 */
	Map<String, String> currentOwner(String domain) {
		Inventory.InventoryDomain found = this.inventory.find(this.agency, domain).orElseThrow();
		var client = this.connections.client(this.agency, found.ovhAccountId());
		long ownerId = Long.parseLong(client.domains().get(domain).whoisOwner());
		return new LinkedHashMap<>(ContactValues.flatten(client.contacts().domainContact(ownerId)));
	}

	/** The domain's {@code DomainTrade} tasks at OVHcloud. */
	List<DomainTask> tradeTasks(String domain) {
		Inventory.InventoryDomain found = this.inventory.find(this.agency, domain).orElseThrow();
		return this.connections.client(this.agency, found.ovhAccountId())
			.domains()
			.tasks(domain, OvhDomainsApi.TaskFilter.function("DomainTrade"));
	}

}
