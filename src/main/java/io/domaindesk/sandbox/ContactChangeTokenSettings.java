package io.domaindesk.sandbox;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use a contact-change token
 * ({@code domaindesk.sandbox.contact-change-tokens.*}). At OVHcloud a token is personal:
 * it is mailed to one party and answers only from that party's account (notes §4.3, docs
 * {@code managing_contacts}), so an agency cannot accept for the other side. The lenient
 * mode, for the local demo where one person plays every party, takes any task's token
 * from any account involved in the task.
 *
 * @param lenient the mode of every account without its own setting
 * @param accounts per nichandle, {@code true} for lenient
 */
@ConfigurationProperties("domaindesk.sandbox.contact-change-tokens")
public record ContactChangeTokenSettings(@DefaultValue("false") boolean lenient, Map<String, Boolean> accounts) {

	public ContactChangeTokenSettings {
		accounts = (accounts != null) ? Map.copyOf(accounts) : Map.of();
	}

}
