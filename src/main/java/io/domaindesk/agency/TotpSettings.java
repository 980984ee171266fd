package io.domaindesk.agency;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The second factor: whether agency and platform admins (who approve paid trades) must
 * use one ({@code true} in profile {@code prod}; the local demo's logins stay
 * password-only unless enrolled), and the issuer name authenticator apps show.
 */
@ConfigurationProperties("domaindesk.totp")
@Validated
public record TotpSettings(@DefaultValue("false") boolean requiredForAdmins,
		@DefaultValue("DomainDesk") @NotBlank String issuer) {

}
