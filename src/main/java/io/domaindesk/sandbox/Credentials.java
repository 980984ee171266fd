package io.domaindesk.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Consumer keys: the configured accounts' keys (validated, all rights) and those
 * requested through {@code POST /auth/credential}, pending until validated on the sandbox
 * page.
 */
@Component
@ConditionalOnSandbox
class Credentials {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final SandboxProperties properties;

	private final SandboxClock clock;

	private final ObjectStore store;

	Credentials(JdbcClient jdbc, SandboxProperties properties, SandboxClock clock, ObjectStore store) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.store = store;
	}

	/**
	 * The configured keys are (re)written at start-up so a property change wins over old
	 * state.
	 */
	void registerConfiguredKeys() {
		for (SandboxProperties.Account account : this.properties.accountList()) {
			ObjectNode doc = Json.object();
			doc.put("credentialId", Math.abs((long) account.consumerKey().hashCode()));
			doc.put("applicationId", applicationId(account.applicationKey()));
			doc.put("creation", Json.dateTime(this.clock.now()));
			doc.putNull("expiration");
			doc.putNull("lastUse");
			doc.put("ovhSupport", false);
			ArrayNode rules = doc.putArray("rules");
			for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
				rules.addObject().put("method", method).put("path", "/*");
			}
			doc.put("status", "validated");
			doc.putNull("allowedIPs");
			this.jdbc.sql("""
					insert into ovh_sandbox.credential (consumer_key, application_key, nichandle, state, doc)
					values (?, ?, ?, 'validated', cast(? as jsonb))
					on conflict (consumer_key) do update set application_key = excluded.application_key,
					nichandle = excluded.nichandle, state = 'validated'""")
				.params(account.consumerKey(), account.applicationKey(), account.nichandle(), Json.write(doc))
				.update();
		}
	}

	Optional<SandboxProperties.Account> application(String applicationKey) {
		return this.properties.accountList()
			.stream()
			.filter((account) -> account.applicationKey().equals(applicationKey))
			.findFirst();
	}

	/** The accounts that validated a credential of this application (none for null). */
	List<String> accountsOf(String applicationKey) {
		if (applicationKey == null) {
			return List.of();
		}
		return this.jdbc.sql(
				"select distinct nichandle from ovh_sandbox.credential where application_key = ? and nichandle is not null")
			.param(applicationKey)
			.query(String.class)
			.list();
	}

	/** The accounts behind these consumer keys: whose mail a DomainDesk agency reads. */
	List<String> accountsOfConsumerKeys(java.util.Collection<String> consumerKeys) {
		return this.jdbc.sql(
				"select distinct nichandle from ovh_sandbox.credential where consumer_key = any(?) and nichandle is not null")
			.param(consumerKeys.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	long applicationId(String applicationKey) {
		return Math.abs((long) applicationKey.hashCode()) % 1_000_000L;
	}

	Optional<Credential> find(String consumerKey) {
		return this.jdbc.sql(
				"select consumer_key, application_key, nichandle, state, doc::text as doc from ovh_sandbox.credential where consumer_key = ?")
			.param(consumerKey)
			.query((rs, n) -> new Credential(rs.getString("consumer_key"), rs.getString("application_key"),
					rs.getString("nichandle"), rs.getString("state"), Json.parseObject(rs.getString("doc"))))
			.optional()
			.map(this::expireIfDue);
	}

	private Credential expireIfDue(Credential credential) {
		Instant expiration = Json.instant(Json.text(credential.doc(), "expiration"));
		if ("validated".equals(credential.state()) && expiration != null && expiration.isBefore(this.clock.now())) {
			credential.doc().put("status", "expired");
			save(credential.consumerKey(), credential.nichandle(), "expired", credential.doc());
			return new Credential(credential.consumerKey(), credential.applicationKey(), credential.nichandle(),
					"expired", credential.doc());
		}
		return credential;
	}

	void touch(Credential credential) {
		this.jdbc.sql(
				"update ovh_sandbox.credential set doc = jsonb_set(doc, '{lastUse}', to_jsonb(cast(? as text))) where consumer_key = ?")
			.params(Json.dateTime(this.clock.now()), credential.consumerKey())
			.update();
	}

	/** Creates a pending credential and returns its validation token. */
	Credential request(String applicationKey, JsonNode accessRules, JsonNode allowedIPs, String redirection) {
		String consumerKey = randomString(32);
		ObjectNode doc = Json.object();
		doc.put("credentialId", this.store.nextId());
		doc.put("applicationId", applicationId(applicationKey));
		doc.put("creation", Json.dateTime(this.clock.now()));
		doc.putNull("expiration");
		doc.putNull("lastUse");
		doc.put("ovhSupport", false);
		ArrayNode rules = doc.putArray("rules");
		accessRules.forEach((rule) -> rules.addObject()
			.put("method", Json.text(rule, "method"))
			.put("path", Json.text(rule, "path")));
		doc.put("status", "pendingValidation");
		doc.set("allowedIPs", (allowedIPs != null && allowedIPs.isArray()) ? allowedIPs : Json.NODES.nullNode());
		doc.put("_token", randomString(64));
		doc.put("_redirection", redirection);
		this.jdbc.sql("""
				insert into ovh_sandbox.credential (consumer_key, application_key, nichandle, state, doc)
				values (?, ?, null, 'pendingValidation', cast(? as jsonb))""")
			.params(consumerKey, applicationKey, Json.write(doc))
			.update();
		return new Credential(consumerKey, applicationKey, null, "pendingValidation", doc);
	}

	Optional<Credential> findByToken(String token) {
		return this.jdbc.sql("select consumer_key from ovh_sandbox.credential where doc->>'_token' = ?")
			.param(token)
			.query(String.class)
			.optional()
			.flatMap(this::find);
	}

	/**
	 * What the customer does on OVHcloud's login page: picks the account and a validity.
	 */
	void validate(Credential credential, String nichandle, Duration validity) {
		credential.doc().put("status", "validated");
		credential.doc().put("expiration", (validity != null) ? Json.dateTime(this.clock.now().plus(validity)) : null);
		save(credential.consumerKey(), nichandle, "validated", credential.doc());
	}

	void refuse(Credential credential) {
		credential.doc().put("status", "refused");
		save(credential.consumerKey(), null, "refused", credential.doc());
	}

	private void save(String consumerKey, String nichandle, String state, ObjectNode doc) {
		this.jdbc.sql(
				"update ovh_sandbox.credential set nichandle = ?, state = ?, doc = cast(? as jsonb) where consumer_key = ?")
			.params(nichandle, state, Json.write(doc), consumerKey)
			.update();
	}

	String randomString(int length) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return builder.toString();
	}

	/**
	 * A consumer key and its state.
	 *
	 * @param consumerKey CK
	 * @param applicationKey the AK it was requested with
	 * @param nichandle the account that validated it
	 * @param state {@code auth.CredentialStateEnum}
	 * @param doc the {@code auth.ApiCredential} document plus private fields
	 */
	record Credential(String consumerKey, String applicationKey, String nichandle, String state, ObjectNode doc) {

		/**
		 * Access rules are path patterns where {@code *} matches anything, slashes
		 * included.
		 */
		boolean grants(String method, String path) {
			for (JsonNode rule : this.doc.path("rules")) {
				String pattern = Json.text(rule, "path");
				if (method.equalsIgnoreCase(Json.text(rule, "method")) && pattern != null
						&& path.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"))) {
					return true;
				}
			}
			return false;
		}

	}

}
