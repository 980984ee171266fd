package io.domaindesk.ovh;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OvhConnectionTest {

	@Test
	void knownEndpointsAndCustomBaseUrls() {
		assertThat(OvhConnection.ofKeys("ovh-eu", "ak", "as", "ck").baseUrl()).isEqualTo("https://eu.api.ovh.com/1.0");
		assertThat(OvhConnection.ofKeys("ovh-ca", "ak", "as", "ck").baseUrl()).isEqualTo("https://ca.api.ovh.com/1.0");
		assertThat(OvhConnection.ofKeys("OVH-US", "ak", "as", "ck").baseUrl())
			.isEqualTo("https://api.us.ovhcloud.com/1.0");
		assertThat(OvhConnection.ofKeys("http://127.0.0.1:8080/ovh-sandbox/1.0/", "ak", "as", "ck").baseUrl())
			.isEqualTo("http://127.0.0.1:8080/ovh-sandbox/1.0");
		assertThat(OvhConnection.ofOAuth2("ovh-eu", "id", "secret").oauth2TokenUrl())
			.isEqualTo("https://www.ovh.com/auth/oauth2/token");
		assertThat(OvhConnection.ofOAuth2("ovh-ca", "id", "secret").oauth2TokenUrl())
			.isEqualTo("https://ca.ovh.com/auth/oauth2/token");
		assertThat(OvhConnection.ofOAuth2("ovh-us", "id", "secret").oauth2TokenUrl())
			.isEqualTo("https://us.ovhcloud.com/auth/oauth2/token");
		assertThat(OvhConnection.ofOAuth2("http://127.0.0.1:8080/ovh-sandbox/1.0", "id", "secret").oauth2TokenUrl())
			.isEqualTo("http://127.0.0.1:8080/ovh-sandbox/auth/oauth2/token");
		assertThat(OvhConnection.ofKeys("ovh-eu", "ak", "as", "ck").requestsPerMinute()).isEqualTo(60);
	}

	@Test
	void rejectsIncompleteOrMixedCredentials() {
		assertThatThrownBy(() -> OvhConnection.ofKeys("kimsufi", "ak", "as", "ck"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OvhConnection.ofKeys("ovh-eu", "ak", null, "ck"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new OvhConnection("ovh-eu", "ak", "as", "ck", "id", "secret", null, 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageNotContaining("secret-");
	}

	@Test
	void toStringHidesSecrets() {
		OvhConnection keys = OvhConnection.ofKeys("ovh-eu", "app-key", "app-secret-value", "consumer-key-value");
		assertThat(keys.toString()).contains("ovh-eu", "app-key")
			.doesNotContain("app-secret-value")
			.doesNotContain("consumer-key-value");
	}

	@Test
	void springWiringCachesOneClientPerConnection() {
		new ApplicationContextRunner().withUserConfiguration(OvhConfiguration.class, OvhClients.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("domaindesk.ovh.read-timeout=12s", "domaindesk.ovh.connect-timeout=2s")
			.run((context) -> {
				OvhProperties properties = context.getBean(OvhProperties.class);
				assertThat(properties.readTimeout()).hasSeconds(12);
				assertThat(properties.connectTimeout()).hasSeconds(2);
				assertThat(properties.maxAttempts()).isEqualTo(3);
				OvhClients clients = context.getBean(OvhClients.class);
				OvhConnection connection = OvhConnection.ofKeys("ovh-eu", "ak", "as", "ck");
				assertThat(clients.client(connection))
					.isSameAs(clients.client(OvhConnection.ofKeys("ovh-eu", "ak", "as", "ck")));
				assertThat(clients.client(connection)).isNotSameAs(clients.client(connection.withConsumerKey("ck2")));
			});
	}

}
