package io.domaindesk.agency;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code domaindesk.demo.*}: the agencies, users and OVHcloud connections of the local
 * demo.
 */
@ConfigurationProperties("domaindesk.demo")
record DemoProperties(boolean enabled, String password, List<String> platformAdmins, List<DemoAgency> agencies) {

	DemoProperties {
		platformAdmins = (platformAdmins != null) ? platformAdmins : List.of();
		agencies = (agencies != null) ? agencies : List.of();
	}

	record DemoAgency(String name, List<DemoUser> users, DemoOvh ovh) {

		DemoAgency {
			users = (users != null) ? users : List.of();
		}

	}

	record DemoUser(String username, String displayName, Role role) {

	}

	record DemoOvh(String endpoint, String applicationKey, String applicationSecret, String consumerKey,
			Integer requestsPerMinute) {

		@Override
		public String toString() {
			return "DemoOvh[" + this.endpoint + ", " + this.applicationKey + "]";
		}

	}

}
