package io.domaindesk.sandbox;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deterministic demo data: per configured account N domains with owner contacts, tasks
 * and a few pending procedures. Runs only for accounts with no domain yet, so a restarted
 * demo keeps its state.
 */
@Component
@ConditionalOnSandbox
class Seeder {

	private static final Log logger = LogFactory.getLog(Seeder.class);

	static final List<String> TLDS = List.of("com", "fr", "com", "fr", "net", "org", "eu", "be", "io", "shop");

	static final List<String> ODD_STATES = List.of("expired", "pending_delete", "dispute", "registry_suspended",
			"technical_suspended", "autorenew_in_progress", "outgoing_transfer", "restorable",
			"pending_incoming_transfer");

	private final SandboxProperties properties;

	private final ObjectStore store;

	private final Nichandles nichandles;

	private final Credentials credentials;

	private final ContactChanges contactChanges;

	private final DomainTasks domainTasks;

	private final SandboxClock clock;

	private final SeedWords words = new SeedWords();

	Seeder(SandboxProperties properties, ObjectStore store, Nichandles nichandles, Credentials credentials,
			ContactChanges contactChanges, DomainTasks domainTasks, SandboxClock clock) {
		this.properties = properties;
		this.store = store;
		this.nichandles = nichandles;
		this.credentials = credentials;
		this.contactChanges = contactChanges;
		this.domainTasks = domainTasks;
		this.clock = clock;
	}

	// Before anything that calls the sandbox once the application is ready (the first
	// sync of the demo).
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void seed() {
		this.credentials.registerConfiguredKeys();
		List<String> pool = seedOtherCustomers();
		for (SandboxProperties.Account account : this.properties.accountList()) {
			if (!this.nichandles.exists(account.nichandle())) {
				ObjectNode me = Nichandles.newDocument(account.nichandle(), "Alice", "Admin", account.companyName(),
						"corporation", "contact@" + slug(account.companyName()) + ".example", "Paris", "FR");
				this.nichandles.create(me);
			}
			if (this.store.count(ObjectStore.DOMAIN, account.nichandle()) == 0) {
				long started = System.nanoTime();
				seedAccount(account, pool);
				logger.info("OVHcloud sandbox: seeded " + account.domains() + " domains for " + account.nichandle()
						+ " in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
			}
		}
	}

	/**
	 * Other OVHcloud customers: admin/tech of some domains and targets of contact
	 * changes.
	 */
	private List<String> seedOtherCustomers() {
		Random random = new Random(this.properties.seed());
		List<String> pool = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String first = pick(random, "first");
			String last = pick(random, "last");
			String nic = (ascii(first).charAt(0) + "" + ascii(last).charAt(0)).toLowerCase()
					+ (10000 + random.nextInt(90000)) + "-ovh";
			if (!this.nichandles.exists(nic)) {
				this.nichandles.create(Nichandles.newDocument(nic, first, last, null, "individual",
						ascii(first).toLowerCase() + "." + ascii(last).toLowerCase() + "@example.net",
						pick(random, "city"), "FR"));
			}
			pool.add(nic);
		}
		return pool;
	}

	private void seedAccount(SandboxProperties.Account account, List<String> pool) {
		String agency = account.nichandle();
		Random random = new Random(this.properties.seed() ^ agency.hashCode());
		Instant now = this.clock.now();
		int count = account.domains();
		Set<String> names = new HashSet<>(this.store.allIds(ObjectStore.DOMAIN));
		List<Long> ids = this.store.nextIds(count * 2 + 10);
		int nextId = 0;
		List<ObjectStore.Row> contacts = new ArrayList<>();
		List<ObjectStore.Row> domains = new ArrayList<>();
		List<ObjectNode> domainDocs = new ArrayList<>();
		List<String> idns = new ArrayList<>(this.words.get("idn"));
		Long sharedOwner = null;
		for (int i = 0; i < count; i++) {
			String name = (i < idns.size() && agency.equals(this.properties.accountList().get(0).nichandle()))
					? IDN.toASCII(idns.get(i) + ((i == 0) ? ".fr" : "." + TLDS.get(random.nextInt(TLDS.size()))))
					: uniqueName(random, names);
			names.add(name);
			long ownerId;
			if (sharedOwner != null && random.nextInt(100) < 15) {
				// Several domains of one client often share the same owner contact.
				ownerId = sharedOwner;
			}
			else {
				ownerId = ids.get(nextId++);
				ObjectNode contact = contact(random, ownerId);
				contacts.add(new ObjectStore.Row(Long.toString(ownerId), List.of(agency), null, contact));
				if (random.nextInt(100) < 20) {
					sharedOwner = ownerId;
				}
			}
			ObjectNode domain = domain(random, name, agency, pool, ownerId, ids.get(nextId++), now);
			domains.add(new ObjectStore.Row(name, Domains.parties(domain), Long.toString(ownerId), domain));
			domainDocs.add(domain);
		}
		// Spare contacts, not owning anything yet: ready to become the new owner of a
		// trade.
		for (int i = 0; i < 5; i++) {
			long id = ids.get(nextId++);
			contacts.add(new ObjectStore.Row(Long.toString(id), List.of(agency), null, contact(random, id)));
		}
		this.store.bulkInsert(ObjectStore.CONTACT, contacts);
		this.store.bulkInsert(ObjectStore.DOMAIN, domains);
		seedTasks(random, agency, pool, domainDocs, contacts, now);
	}

	private void seedTasks(Random random, String agency, List<String> pool, List<ObjectNode> domains,
			List<ObjectStore.Row> contacts, Instant now) {
		List<ObjectNode> changeable = domains.stream()
			.filter((d) -> "ok".equals(Json.text(d, "state")) && agency.equals(Domains.contact(d, "contactAdmin")))
			.toList();
		for (ObjectNode domain : domains) {
			int dice = random.nextInt(100);
			if (dice < 3) {
				this.domainTasks.create(domain, "DomainRenew", "done", null, now.minus(Duration.ofDays(30)),
						now.minus(Duration.ofDays(30)));
			}
			else if (dice < 4) {
				this.domainTasks.create(domain, "DomainContactUpdate", "error",
						"The registry refused the contact data: invalid phone number", now.minus(Duration.ofDays(2)),
						now.minus(Duration.ofDays(2)));
			}
			else if (dice < 5) {
				this.domainTasks.create(domain, "DomainDnsUpdate", "todo", null, now.minus(Duration.ofHours(1)),
						now.plus(Duration.ofDays(2)));
			}
		}
		int pending = Math.min(3, changeable.size() / 4);
		for (int i = 0; i < pending; i++) {
			ObjectNode domain = changeable.get(i);
			String to = pool.get(random.nextInt(pool.size()));
			// The first one is a day away from expiring, to show the 7-day limit.
			Instant requested = now.minus(Duration.ofDays((i == 0) ? 6 : 1));
			this.contactChanges.create(agency, agency, to, Json.text(domain, "domain"),
					List.of((i == 1) ? "contactTech" : "contactAdmin"), requested, "validatingByCustomers");
		}
		int trades = Math.min(2, changeable.size() / 4);
		List<ObjectStore.Row> spare = contacts.subList(contacts.size() - 5, contacts.size());
		for (int i = 0; i < trades; i++) {
			ObjectNode domain = changeable.get(changeable.size() - 1 - i);
			long newOwner = Long.parseLong(spare.get(i).id());
			this.domainTasks.createTrade(domain, newOwner, null, now.minus(Duration.ofDays(1 + i)));
		}
	}

	private String uniqueName(Random random, Set<String> taken) {
		List<String> words = this.words.get("domain");
		while (true) {
			String name = words.get(random.nextInt(words.size())) + "-" + words.get(random.nextInt(words.size()));
			if (random.nextInt(3) == 0) {
				name = name + "-" + random.nextInt(1000);
			}
			name = name + "." + TLDS.get(random.nextInt(TLDS.size()));
			if (!taken.contains(name)) {
				return name;
			}
		}
	}

	ObjectNode domain(Random random, String name, String agency, List<String> pool, long ownerId, long serviceId,
			Instant now) {
		int roles = random.nextInt(100);
		String admin = agency;
		String tech = agency;
		String billing = agency;
		if (roles < 6) {
			admin = pool.get(random.nextInt(pool.size()));
		}
		else if (roles < 14) {
			tech = pool.get(random.nextInt(pool.size()));
		}
		else if (roles < 17) {
			billing = pool.get(random.nextInt(pool.size()));
		}
		String state = (random.nextInt(100) < 8) ? ODD_STATES.get(random.nextInt(ODD_STATES.size())) : "ok";
		Instant expiration = List.of("expired", "restorable", "pending_delete").contains(state)
				? now.minus(Duration.ofDays(1 + random.nextInt(40)))
				: now.plus(Duration.ofDays(1 + random.nextInt(700)));
		Instant creation = expiration.minus(Duration.ofDays(365L * (1 + random.nextInt(8))));
		ObjectNode domain = Json.object();
		domain.putObject("contactAdmin").put("id", admin);
		domain.putObject("contactBilling").put("id", billing);
		domain.putObject("contactOwner").put("id", Long.toString(ownerId));
		domain.putObject("contactTech").put("id", tech);
		String tld = Domains.tld(name);
		domain.put("dnssecState", "io".equals(tld) ? "not_supported" : (random.nextBoolean() ? "enabled" : "disabled"));
		domain.put("dnssecSupported", !"io".equals(tld));
		domain.put("domain", name);
		domain.put("expirationDate", Json.dateTime(expiration));
		domain.put("glueRecordIpv6Supported", true);
		domain.put("glueRecordMultiIpSupported", true);
		domain.put("hostSupported", true);
		ObjectNode iam = domain.putObject("iam");
		iam.put("displayName", name);
		iam.put("id", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
		iam.put("state", "OK");
		iam.put("urn", "urn:v1:eu:resource:domain:" + name);
		domain.put("lastUpdate", Json.dateTime(now.minus(Duration.ofDays(random.nextInt(90)))));
		boolean external = random.nextInt(10) == 0;
		domain.put("nameServerType", external ? "external" : "hosted");
		int dns = 100 + random.nextInt(100);
		var servers = domain.putArray("nameServers");
		servers.addObject()
			.put("id", serviceId * 10 + 1)
			.putNull("ipv4")
			.putNull("ipv6")
			.put("nameServer", external ? "ns1.example-dns.net" : "dns" + dns + ".ovh.net")
			.put("nameServerType", external ? "external" : "hosted");
		servers.addObject()
			.put("id", serviceId * 10 + 2)
			.putNull("ipv4")
			.putNull("ipv6")
			.put("nameServer", external ? "ns2.example-dns.net" : "ns" + dns + ".ovh.net")
			.put("nameServerType", external ? "external" : "hosted");
		domain.put("offer", "gold");
		domain.put("owoSupported", Domains.GENERIC.contains(tld));
		domain.putNull("parentService");
		int renewal = random.nextInt(100);
		domain.put("renewalDate", Json.dateTime(expiration.minus(Duration.ofDays(30))));
		domain.put("renewalState", (renewal < 80) ? "automatic_renew"
				: (renewal < 92) ? "manual_renew" : (renewal < 97) ? "cancellation_requested" : "unpaid");
		domain.put("serviceId", serviceId);
		domain.put("state", state);
		domain.put("suspensionState",
				List.of("registry_suspended", "technical_suspended").contains(state) ? "suspended" : "not_suspended");
		domain.put("transferLockStatus", List.of("be", "eu").contains(tld) ? "unavailable" : "locked");
		domain.put("whoisOwner", Long.toString(ownerId));
		domain.put("_creation", Json.date(creation));
		return domain;
	}

	ObjectNode contact(Random random, long id) {
		ObjectNode given = Json.object();
		int kind = random.nextInt(100);
		String first = pick(random, "first");
		String last = pick(random, "last");
		if (kind < 2) {
			// The names everyone gets wrong somewhere downstream.
			first = "Hélène";
			last = "D'Arcy-Lefèvre";
		}
		boolean individual = kind < 55;
		given.put("legalForm", individual ? "individual" : (kind < 90) ? "corporation" : "association");
		given.put("firstName", first);
		given.put("lastName", last);
		if (!individual) {
			given.put("organisationName", (kind < 60) ? "Groupe Müller & Fils" : pick(random, "company"));
		}
		if (random.nextInt(100) == 0) {
			// About 1% hostile values, so escaping is proven in every screen and export.
			String hostile = pick(random, "hostile");
			if (individual) {
				given.put("lastName", hostile);
			}
			else {
				given.put("organisationName", hostile);
			}
		}
		given.put("email", ascii(first).toLowerCase() + "." + id + "@example.org");
		given.put("phone", "+33." + (100000000 + random.nextInt(899999999)));
		given.put("language", "fr_FR");
		String city = pick(random, "city");
		String country = switch (city) {
			case "Bruxelles", "Liège" -> "BE";
			case "Genève" -> "CH";
			case "Luxembourg" -> "LU";
			case "Montréal" -> "CA";
			default -> "FR";
		};
		ObjectNode address = given.putObject("address");
		address.put("line1", (1 + random.nextInt(120)) + " rue de l'Église");
		address.put("city", city);
		address.put("zip", "FR".equals(country) ? String.format("%05d", 1000 + random.nextInt(94000)) : "1000");
		address.put("country", country);
		given.put("nationality", country);
		return OwnerContacts.normalise(id, given);
	}

	private String pick(Random random, String list) {
		List<String> values = this.words.get(list);
		return values.get(random.nextInt(values.size()));
	}

	static String ascii(String text) {
		String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
		return plain.isEmpty() ? "x" : plain;
	}

	static String slug(String text) {
		return ascii(text.replace(' ', 'x')).toLowerCase();
	}

}
