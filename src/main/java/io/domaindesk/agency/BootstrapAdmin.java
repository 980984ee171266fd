package io.domaindesk.agency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A fresh production database has no user and so no way in: the first platform admin
 * comes from {@code DOMAINDESK_BOOTSTRAP_ADMIN_USER} /
 * {@code DOMAINDESK_BOOTSTRAP_ADMIN_PASSWORD}, and only while no user exists (so leaving
 * the variables set later changes nothing).
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final DeskUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final String username;

	private final String password;

	BootstrapAdmin(DeskUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			BootstrapAdminSettings settings) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.username = settings.username();
		this.password = settings.password();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(this.username) || this.users.count() > 0) {
			return;
		}
		this.policy.violation(this.username, this.password).ifPresent(code -> {
			throw new IllegalStateException("DOMAINDESK_BOOTSTRAP_ADMIN_PASSWORD is too weak (" + code
					+ "): use at least " + PasswordPolicy.MIN_LENGTH
					+ " characters, not containing the username, not a common password");
		});
		this.users.save(new DeskUser(null, this.username, "Platform admin", Role.PLATFORM_ADMIN,
				this.passwordEncoder.encode(this.password)));
		log.info("Created the first platform admin '{}'", this.username);
	}

}
