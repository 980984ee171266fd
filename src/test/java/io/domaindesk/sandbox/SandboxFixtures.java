package io.domaindesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationContext;

/**
 * Fresh objects for one test, so tests never depend on (or spoil) the seeded demo data
 * other modules' tests read.
 */
public final class SandboxFixtures {

	private final ObjectStore store;

	private final Seeder seeder;

	private final DomainTasks tasks;

	private final Credentials credentials;

	private final SandboxControl control;

	private final SandboxClock clock;

	private final Random random = new Random();

	SandboxFixtures(ObjectStore store, Seeder seeder, DomainTasks tasks, Credentials credentials,
			SandboxControl control, SandboxClock clock) {
		this.store = store;
		this.seeder = seeder;
		this.tasks = tasks;
		this.credentials = credentials;
		this.control = control;
		this.clock = clock;
	}

	/** The fixtures of the sandbox running in this application context. */
	public static SandboxFixtures of(ApplicationContext context) {
		return new SandboxFixtures(context.getBean(ObjectStore.class), context.getBean(Seeder.class),
				context.getBean(DomainTasks.class), context.getBean(Credentials.class),
				context.getBean(SandboxControl.class), context.getBean(SandboxClock.class));
	}

	String domain(String nichandle) {
		return domain(nichandle, "ok");
	}

	String domain(String nichandle, String state) {
		return domain(nichandle, state, "com");
	}

	/**
	 * A new domain in state ok of this TLD (plain ASCII), whose three NIC contacts are
	 * {@code nichandle}, with an owner of its own: an individual, so that first and last
	 * name are locked.
	 */
	public String newDomain(String nichandle, String tld) {
		return newDomain(nichandle, tld, "individual");
	}

	/**
	 * A new domain like {@link #newDomain(String, String)} whose owner has this legal
	 * form ({@code individual}, {@code corporation}, {@code association}...), plain
	 * names, and an organisation name unless an individual.
	 */
	public String newDomain(String nichandle, String tld, String legalForm) {
		return domain(nichandle, "ok", tld, legalForm);
	}

	private String domain(String nichandle, String state, String tld) {
		return domain(nichandle, state, tld, "individual");
	}

	private String domain(String nichandle, String state, String tld, String legalForm) {
		long contactId = this.store.nextId();
		ObjectNode contact = this.seeder.contact(this.random, contactId);
		contact.put("legalForm", legalForm).put("firstName", "Test").put("lastName", "Fixture");
		if ("individual".equals(legalForm)) {
			contact.putNull("organisationName");
		}
		else {
			contact.put("organisationName", "Fixture Conseil " + contactId);
		}
		this.store.insert(ObjectStore.CONTACT, Long.toString(contactId), List.of(nichandle), null, contact);
		String name = "fixture-" + this.store.nextId() + "." + tld;
		ObjectNode domain = this.seeder.domain(this.random, name, nichandle, List.of(nichandle), contactId,
				this.store.nextId(), this.clock.now());
		domain.put("state", state);
		domain.put("suspensionState", "not_suspended");
		// The random seed may have picked an odd state's dates: a fixture is plainly
		// alive.
		Instant expiration = this.clock.now().plus(Duration.ofDays(300));
		domain.put("expirationDate", Json.dateTime(expiration));
		domain.put("renewalDate", Json.dateTime(expiration.minus(Duration.ofDays(30))));
		domain.put("renewalState", "automatic_renew");
		this.store.insert(ObjectStore.DOMAIN, name, List.of(nichandle), Long.toString(contactId), domain);
		return name;
	}

	long task(String domain, String function, String status) {
		ObjectNode doc = this.store.find(ObjectStore.DOMAIN, domain).orElseThrow();
		Instant now = this.clock.now();
		return this.tasks.create(doc, function, status, null, now, now.plus(Duration.ofDays(1))).get("id").asLong();
	}

	String tradeCart(SandboxClient client, String domain, long contactId) {
		String cartId = client.post("/order/cart", "{\"ovhSubsidiary\":\"FR\"}").json().get("cartId").asString();
		client.post("/order/cart/" + cartId + "/assign", null);
		long itemId = client.post("/order/cartServiceOption/domain/" + domain, "{\"cartId\":\"" + cartId
				+ "\",\"duration\":\"P0Y\",\"planCode\":\"com-trade\",\"pricingMode\":\"create-default\",\"quantity\":1}")
			.json()
			.get("itemId")
			.asLong();
		client.post("/order/cart/" + cartId + "/item/" + itemId + "/configuration",
				"{\"label\":\"OWNER_CONTACT\",\"value\":\"/me/contact/" + contactId + "\"}");
		return cartId;
	}

	void validateCredential(String consumerKey, String nichandle) {
		this.credentials.validate(this.credentials.find(consumerKey).orElseThrow(), nichandle, null);
	}

	void readTimeout(Duration duration) {
		this.control.setReadTimeout(duration);
	}

}
