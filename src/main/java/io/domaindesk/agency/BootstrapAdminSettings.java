package io.domaindesk.agency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code domaindesk.bootstrap-admin.*} ({@code DOMAINDESK_BOOTSTRAP_ADMIN_USER} /
 * {@code _PASSWORD} in {@code prod}): the first platform admin, created only while no
 * user exists. The password is checked against the password policy at that moment.
 *
 * @param username empty: no bootstrap admin
 * @param password the first password
 */
@ConfigurationProperties("domaindesk.bootstrap-admin")
record BootstrapAdminSettings(@DefaultValue("") String username, @DefaultValue("") String password) {

	@Override
	public String toString() {
		return "BootstrapAdminSettings[" + this.username + "]";
	}

}
