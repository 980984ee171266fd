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

	@Test
	void startsOnAnExternalDatabaseWithOnlyTheBootstrapAdmin() throws Exception {
		TestDatabase.Server server = TestDatabase.get();
		String url = server.createDatabase("prod_profile_" + System.nanoTime());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DomainDeskApplication.class)
			.profiles("prod")
			// Command-line arguments, like the environment in production, outrank
			// application-prod.properties.
			.run("--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + server.username(),
					"--spring.datasource.password=" + server.password(),
					"--domaindesk.master-key=prod-test-master-key-0123456789abcdef",
					"--domaindesk.bootstrap-admin.username=founder",
					"--domaindesk.bootstrap-admin.password=a long founding passphrase",
					"--server.servlet.session.cookie.secure=false")) {
			JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select string_agg(username || ':' || role, ',') from app_user")
				.query(String.class)
				.single()).isEqualTo("founder:PLATFORM_ADMIN");
			assertThat(jdbc.sql("select count(*) from agency").query(Long.class).single()).isZero();

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
			assertThatException().isThrownBy(() -> BrowserSession.loggedIn(port, "bob", "demo-password"));
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
