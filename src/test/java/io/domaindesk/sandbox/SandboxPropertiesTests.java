package io.domaindesk.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code domaindesk.sandbox.accounts[i].domains} given alone (the README documents it)
 * changes that count only: both demo accounts keep their nichandles and keys.
 */
class SandboxPropertiesTests {

	private final ApplicationContextRunner settings = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(Sandbox.class);

	@Test
	void aDomainCountAloneKeepsBothAccounts() {
		this.settings.withPropertyValues("domaindesk.sandbox.accounts[1].domains=5").run(context -> {
			SandboxProperties sandbox = context.getBean(SandboxProperties.class);
			assertThat(sandbox.accountList()).extracting(SandboxProperties.Account::nichandle)
				.containsExactly("ae1000-ovh", "sn2000-ovh");
			assertThat(sandbox.accountList()).extracting(SandboxProperties.Account::domains).containsExactly(250, 5);
			assertThat(sandbox.accountList().get(1).consumerKey()).isEqualTo("dd-demo-ck-nord-0123456789abcdef");
		});
	}

	@Test
	void aThirdAccountIsAddedWithTheDefaultCount() {
		this.settings
			.withPropertyValues("domaindesk.sandbox.accounts[2].nichandle=xx3000-ovh",
					"domaindesk.sandbox.accounts[2].application-key=ak3")
			.run(context -> {
				SandboxProperties sandbox = context.getBean(SandboxProperties.class);
				assertThat(sandbox.accountList()).extracting(SandboxProperties.Account::domains)
					.containsExactly(250, 40, 10);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SandboxProperties.class)
	static class Sandbox {

	}

}
