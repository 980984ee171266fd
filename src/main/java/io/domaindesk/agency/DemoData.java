package io.domaindesk.agency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the local demo once: whatever already exists is left alone, so restarts and edits
 * made in the demo survive. Never active in production
 * ({@code domaindesk.demo.enabled=false} there).
 */
@Component
@ConditionalOnProperty(name = "domaindesk.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
@Order(0)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoProperties demo;

	private final AgencyRepository agencies;

	private final DeskUserRepository users;

	private final OvhAccountRepository ovhAccounts;

	private final PasswordEncoder passwordEncoder;

	private final OvhAccountSecrets secrets;

	DemoData(DemoProperties demo, AgencyRepository agencies, DeskUserRepository users, OvhAccountRepository ovhAccounts,
			PasswordEncoder passwordEncoder, OvhAccountSecrets secrets) {
		this.demo = demo;
		this.agencies = agencies;
		this.users = users;
		this.ovhAccounts = ovhAccounts;
		this.passwordEncoder = passwordEncoder;
		this.secrets = secrets;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		String hash = null;
		for (String username : this.demo.platformAdmins()) {
			if (!this.users.existsByUsername(username)) {
				hash = (hash != null) ? hash : this.passwordEncoder.encode(this.demo.password());
				this.users.save(new DeskUser(null, username, "Platform admin", Role.PLATFORM_ADMIN, hash));
			}
		}
		for (DemoProperties.DemoAgency demoAgency : this.demo.agencies().values()) {
			Agency agency = this.agencies.findByName(demoAgency.name())
				.orElseGet(() -> this.agencies.save(new Agency(demoAgency.name())));
			for (DemoProperties.DemoUser demoUser : demoAgency.users().values()) {
				if (!this.users.existsByUsername(demoUser.username())) {
					hash = (hash != null) ? hash : this.passwordEncoder.encode(this.demo.password());
					this.users.save(new DeskUser(agency.getId(), demoUser.username(), demoUser.displayName(),
							demoUser.role(), hash));
				}
			}
			seedOvhAccount(agency, demoAgency.ovh());
		}
		log.info("Demo logins (password '{}'): {}", this.demo.password(), demoLogins());
	}

	private void seedOvhAccount(Agency agency, DemoProperties.DemoOvh ovh) {
		if (ovh == null || ovh.endpoint() == null
				|| !this.ovhAccounts.findByAgencyIdOrderByLabelAsc(agency.getId()).isEmpty()) {
			return;
		}
		OvhAccount account = new OvhAccount(agency.getId(), "OVHcloud", ovh.endpoint());
		account.useApplicationKeys(ovh.applicationKey(), null, null);
		if (ovh.requestsPerMinute() != null) {
			account.limitTo(ovh.requestsPerMinute());
		}
		// Saved first: the secrets are sealed to the connection's id.
		OvhAccount saved = this.ovhAccounts.save(account);
		saved.useApplicationKeys(ovh.applicationKey(),
				this.secrets.seal(saved, OvhAccountSecrets.Field.APPLICATION_SECRET, ovh.applicationSecret()),
				this.secrets.seal(saved, OvhAccountSecrets.Field.CONSUMER_KEY, ovh.consumerKey()));
		this.ovhAccounts.save(saved);
	}

	private String demoLogins() {
		StringBuilder logins = new StringBuilder();
		this.demo.platformAdmins().forEach(name -> logins.append(name).append(" (platform admin) "));
		this.demo.agencies()
			.values()
			.forEach(a -> a.users()
				.values()
				.forEach(u -> logins.append(u.username())
					.append(" (")
					.append(u.role())
					.append(", ")
					.append(a.name())
					.append(") ")));
		return logins.toString().strip();
	}

}
