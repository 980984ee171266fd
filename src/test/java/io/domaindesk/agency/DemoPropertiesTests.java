package io.domaindesk.agency;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.domaindesk.support.ProcessEnvironment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One documented demo property given alone (command line or environment) changes that
 * property and nothing else: both agencies keep their names, users and other keys.
 */
class DemoPropertiesTests {

	private final ApplicationContextRunner settings = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(Demo.class);

	@Test
	void oneEndpointOnTheCommandLineKeepsEverythingElse() {
		this.settings.withPropertyValues("domaindesk.demo.agencies[0].ovh.endpoint=ovh-eu").run(context -> {
			DemoProperties demo = context.getBean(DemoProperties.class);
			assertThat(demo.agencies().values()).extracting(DemoProperties.DemoAgency::name)
				.containsExactly("Agence Exemple", "Studio Nord");
			assertThat(demo.agencies().get("0").ovh().endpoint()).isEqualTo("ovh-eu");
			assertThat(demo.agencies().get("0").ovh().applicationKey()).isEqualTo("dd-demo-ak-exemple");
			assertThat(demo.agencies().get("0").users().values()).extracting(DemoProperties.DemoUser::username)
				.containsExactly("alice", "bob", "dora");
			assertThat(demo.agencies().get("1").ovh().endpoint()).isEqualTo("sandbox");
			assertThat(demo.platformAdmins()).containsExactly("root");
		});
	}

	@Test
	void oneKeyInTheEnvironmentKeepsEverythingElse() {
		this.settings
			.withInitializer(ProcessEnvironment.of(Map.of("DOMAINDESK_DEMO_AGENCIES_1_OVH_CONSUMERKEY", "ck-nord")))
			.run(context -> {
				DemoProperties demo = context.getBean(DemoProperties.class);
				assertThat(demo.agencies().get("1").ovh().consumerKey()).isEqualTo("ck-nord");
				assertThat(demo.agencies().get("1").name()).isEqualTo("Studio Nord");
				assertThat(demo.agencies().get("1").users().values()).extracting(DemoProperties.DemoUser::username)
					.containsExactly("carol");
				assertThat(demo.agencies().get("0").ovh().consumerKey())
					.isEqualTo("dd-demo-ck-exemple-0123456789abcdef");
			});
	}

	@Test
	void oneUserRenamedKeepsItsRoleAndTheOthers() {
		this.settings.withPropertyValues("domaindesk.demo.agencies[0].users[1].username=robert").run(context -> {
			DemoProperties demo = context.getBean(DemoProperties.class);
			assertThat(demo.agencies().get("0").users().values()).extracting(DemoProperties.DemoUser::username)
				.containsExactly("alice", "robert", "dora");
			assertThat(demo.agencies().get("0").users().get("1").role()).isEqualTo(Role.STAFF);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoProperties.class)
	static class Demo {

	}

}
