package io.domaindesk;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

import io.domaindesk.infrastructure.TimeZoneSettings;
import io.domaindesk.support.ProcessEnvironment;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented setting binds alone, over {@code application.properties}, the way a
 * command-line argument or an environment variable does, and every settings record of
 * every module is bound and validated with it; a bad value stops the start naming the
 * property. No database, no web server: only the settings (a fraction of a second each).
 */
class SettingsTests {

	/** The configuration reference of the README, one value each. */
	static final List<String> DOCUMENTED = List.of("server.port=0", "domaindesk.embedded-postgres.enabled=false",
			"domaindesk.embedded-postgres.data-directory=/tmp/dd-pg",
			"domaindesk.master-key=0123456789abcdef0123456789abcdef", "domaindesk.sandbox.enabled=false",
			"domaindesk.demo.enabled=false", "domaindesk.demo.password=another one",
			"domaindesk.demo.agencies[0].ovh.endpoint=ovh-eu", "domaindesk.demo.agencies[1].ovh.endpoint=ovh-ca",
			"domaindesk.demo.agencies[0].ovh.application-key=ak",
			"domaindesk.demo.agencies[1].ovh.application-secret=as", "domaindesk.demo.agencies[0].ovh.consumer-key=ck",
			"domaindesk.login.max-failures=3", "domaindesk.login.window=5m", "domaindesk.login.lock-duration=1h",
			"server.servlet.session.timeout=10m", "domaindesk.sync.cron=0 0 3 * * *",
			"domaindesk.sync.on-startup=false", "domaindesk.sync.page-size=200", "domaindesk.sync.busy-share=0.5",
			"domaindesk.nic-changes.poll-interval=30s", "domaindesk.ovh.connect-timeout=2s",
			"domaindesk.ovh.read-timeout=10s", "domaindesk.ovh.max-attempts=2", "domaindesk.time-zone=America/Montreal",
			"domaindesk.sandbox.clock-offset=PT0S", "domaindesk.sandbox.iceberg=false",
			"domaindesk.sandbox.rate-limit-per-minute=120", "domaindesk.sandbox.accounts[0].domains=1000",
			"domaindesk.sandbox.accounts[1].domains=5", "domaindesk.sandbox.faults[0].route=GET /domain/**",
			"domaindesk.audit.platform-retention-months=24", "spring.mail.host=smtp.example.org",
			"domaindesk.mail.from=desk@example.org", "domaindesk.mail.max-attempts=3",
			"domaindesk.mail.poll-interval=30s");

	private final ApplicationContextRunner settings = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(EverySettingsRecord.class);

	@ParameterizedTest
	@FieldSource("DOCUMENTED")
	void eachDocumentedSettingBindsAlone(String setting) {
		this.settings.withPropertyValues(setting).run(context -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			domaindesk.time-zone=Mars/Olympus_Mons          | domaindesk.time-zone
			domaindesk.login.max-failures=0                 | domaindesk.login.max-failures
			domaindesk.sync.page-size=0                     | domaindesk.sync.page-size
			domaindesk.sync.busy-share=0                    | domaindesk.sync.busy-share
			domaindesk.sync.busy-share=1.5                  | domaindesk.sync.busy-share
			domaindesk.demo.agencies[0].ovh.endpoint=       | domaindesk.demo.agencies[0].ovh.endpoint
			domaindesk.demo.agencies[0].users[0].role=KING | domaindesk.demo.agencies[0].users[0].role
			domaindesk.sandbox.accounts[0].domains=200000   | domaindesk.sandbox.accounts[0].domains
			domaindesk.audit.platform-retention-months=0    | domaindesk.audit.platform-retention-months
			domaindesk.nic-changes.poll-interval=often      | domaindesk.nic-changes.poll-interval
			""")
	void aBadValueStopsTheStartNamingTheProperty(String setting, String property) {
		this.settings.withPropertyValues(setting).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(property);
		});
	}

	@Test
	void theTimeZoneComesFromItsEnvironmentVariable() {
		// DOMAINDESK_TIME_ZONE is the form operators use (README); relaxed binding maps
		// it.
		this.settings.withInitializer(ProcessEnvironment.of(Map.of("DOMAINDESK_TIME_ZONE", "Asia/Tokyo")))
			.run(context -> assertThat(context.getBean(TimeZoneSettings.class).timeZone()).hasToString("Asia/Tokyo"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConfigurationPropertiesScan(basePackageClasses = DomainDeskApplication.class)
	static class EverySettingsRecord {

	}

}
