package io.domaindesk.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.domaindesk.DomainDeskApplication;
import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The {@code prod} profile for real: an external PostgreSQL from the settings, no demo
 * data, no sandbox, the first platform admin from the bootstrap variables — and no start
 * at all when a required variable is missing.
 */
@Tag("integration")
class ProductionProfileTests {

	/**
	 * The two roles an operator creates (README "Production"): the schema owner for
	 * Flyway, the application's own role; the application grants the rest after
	 * migrating.
	 */
	private static Roles twoRoles(TestDatabase.Server server, String database) throws Exception {
		String suffix = Long.toString(System.nanoTime());
		Roles roles = new Roles("dd_owner_" + suffix, "dd_app_" + suffix, "owner-pw-" + suffix, "app-pw-" + suffix);
		String url = server.createDatabase(database);
		try (java.sql.Connection admin = java.sql.DriverManager.getConnection(url, server.username(),
				server.password()); java.sql.Statement sql = admin.createStatement()) {
			sql.execute("create role " + roles.owner() + " login password '" + roles.ownerPassword() + "' nosuperuser");
			sql.execute("create role " + roles.app() + " login password '" + roles.appPassword()
					+ "' nosuperuser noinherit");
			sql.execute("alter database " + database + " owner to " + roles.owner());
			sql.execute("alter schema public owner to " + roles.owner());
			sql.execute("grant usage on schema public to " + roles.app());
		}
		// The embedded server's URL names its superuser in the query, which would win
		// over
		// the user the application is given.
		String plain = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		return new Roles(roles.owner(), roles.app(), roles.ownerPassword(), roles.appPassword(), plain);
	}

	record Roles(String owner, String app, String ownerPassword, String appPassword, String url) {

		Roles(String owner, String app, String ownerPassword, String appPassword) {
			this(owner, app, ownerPassword, appPassword, null);
		}

		String[] arguments(String user, String password) {
			return new String[] { "--server.port=0", "--spring.datasource.url=" + this.url,
					"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
					"--spring.flyway.user=" + this.owner, "--spring.flyway.password=" + this.ownerPassword,
					"--domaindesk.master-key=prod-test-master-key-0123456789abcdef",
					"--domaindesk.bootstrap-admin.username=founder",
					"--domaindesk.bootstrap-admin.password=a long founding passphrase",
					"--server.servlet.session.cookie.secure=false" };
		}

	}

	@Test
	void startsOnAnExternalDatabaseWithOnlyTheBootstrapAdmin() throws Exception {
		TestDatabase.Server server = TestDatabase.get();
		Roles roles = twoRoles(server, "prod_profile_" + System.nanoTime());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DomainDeskApplication.class)
			.profiles("prod")
			// Command-line arguments, like the environment in production, outrank
			// application-prod.properties.
			.run(roles.arguments(roles.app(), roles.appPassword()))) {
			JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select string_agg(username || ':' || role, ',') from app_user")
				.query(String.class)
				.single()).isEqualTo("founder:PLATFORM_ADMIN");
			assertThat(jdbc.sql("select count(*) from agency").query(Long.class).single()).isZero();
			// The application's role appends to the trail and can do nothing else to it.
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(roles.app());
			for (String tamper : java.util.List.of("update audit_event set action = 'x'", "delete from audit_event",
					"truncate audit_event", "alter table audit_event disable trigger all",
					"delete from audit_chain_anchor", "delete from flyway_schema_history")) {
				assertThatException().as(tamper).isThrownBy(() -> jdbc.sql(tamper).update());
			}

			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			HttpResponse<String> sandbox = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ovh-sandbox/1.0/auth/time"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(sandbox.body()).doesNotMatch("\\d+");
			BrowserSession founder = BrowserSession.loggedIn(port, "founder", "a long founding passphrase");
			// In prod a platform admin enrols a second factor before anything else.
			HttpResponse<String> first = founder.get("/admin/agencies");
			assertThat(first.statusCode()).isEqualTo(302);
			assertThat(first.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).contains("/login/totp"));
			Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<")
				.matcher(founder.get("/login/totp").body());
			assertThat(secret.find()).as("forced enrolment shows the secret").isTrue();
			String code = new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
					new SecretKeySpec(new Base32().decode(secret.group(1)), "HmacSHA1"), Instant.now());
			assertThat(founder.post("/login/totp/enrol", Map.of("code", code)).body())
				.contains("id=\"recovery-codes\"");
			assertThat(founder.get("/admin/agencies").statusCode()).isEqualTo(200);
			// Its login was appended to the trail by the application's role.
			assertThat(jdbc.sql("select count(*) from audit_event where action = 'login.success'")
				.query(Long.class)
				.single()).isPositive();
			assertThatException().isThrownBy(() -> BrowserSession.loggedIn(port, "bob", "demo-password"));
		}
		// The same database, the application logged in as the owner or as a superuser:
		// either could disable the audit triggers. No start, and the reason.
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(DomainDeskApplication.class).profiles("prod")
				.run(roles.arguments(roles.owner(), roles.ownerPassword()))
				.close())
			.withStackTraceContaining("owns audit_event");
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(DomainDeskApplication.class).profiles("prod")
				.run(roles.arguments(server.username(), server.password()))
				.close())
			.withStackTraceContaining("is a superuser");
		// A member of the owner's role inherits what the owner may do.
		try (java.sql.Connection admin = java.sql.DriverManager.getConnection(roles.url(), server.username(),
				server.password()); java.sql.Statement sql = admin.createStatement()) {
			sql.execute("grant " + roles.owner() + " to " + roles.app());
		}
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(DomainDeskApplication.class).profiles("prod")
				.run(roles.arguments(roles.app(), roles.appPassword()))
				.close())
			.withStackTraceContaining("is a member of audit_event's owner role");
	}

	@Test
	void refusesToStartWithTheSandboxOnOrAPublishedMasterKey() {
		TestDatabase.Server server = TestDatabase.get();
		for (String[] wrong : new String[][] {
				{ "prod-test-master-key-0123456789abcdef", "--domaindesk.sandbox.enabled=true",
						"DOMAINDESK_SANDBOX=false" },
				{ "local-demo-master-key-not-for-production", "--domaindesk.demo.enabled=false", "published" } }) {
			assertThatException()
				.isThrownBy(() -> new SpringApplicationBuilder(DomainDeskApplication.class).profiles("prod")
					.run("--server.port=0", "--spring.datasource.url=" + server.jdbcUrl(),
							"--spring.datasource.username=" + server.username(),
							"--spring.datasource.password=" + server.password(), "--spring.flyway.user=owner",
							"--spring.flyway.password=pw", "--domaindesk.master-key=" + wrong[0], wrong[1])
					.close())
				.withStackTraceContaining(wrong[2]);
		}
	}

	@Test
	void refusesToStartWithoutTheMasterKeyAndSaysWhichVariable() {
		TestDatabase.Server server = TestDatabase.get();
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(DomainDeskApplication.class).profiles("prod")
				.run("--server.port=0", "--spring.datasource.url=" + server.jdbcUrl(),
						"--spring.datasource.username=" + server.username(),
						"--spring.datasource.password=" + server.password())
				.close())
			.withStackTraceContaining("DOMAINDESK_MASTER_KEY");
	}

}
