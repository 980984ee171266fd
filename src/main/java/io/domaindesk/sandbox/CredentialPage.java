package io.domaindesk.sandbox;

import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stands in for OVHcloud's login page behind {@code validationUrl}: the customer picks
 * the account and the validity of a requested consumer key.
 */
@Controller
@ConditionalOnSandbox
class CredentialPage {

	private final Credentials credentials;

	private final SandboxProperties properties;

	CredentialPage(Credentials credentials, SandboxProperties properties) {
		this.credentials = credentials;
		this.properties = properties;
	}

	@GetMapping("/ovh-sandbox/auth")
	String page(@RequestParam String credentialToken, Model model) {
		Credentials.Credential credential = this.credentials.findByToken(credentialToken).orElse(null);
		model.addAttribute("credential", (credential != null) ? Json.publicView(credential.doc()).toString() : null);
		model.addAttribute("state", (credential != null) ? credential.state() : null);
		model.addAttribute("token", credentialToken);
		model.addAttribute("accounts", this.properties.accounts());
		return "sandbox/credential";
	}

	@PostMapping("/ovh-sandbox/auth")
	String decide(@RequestParam String credentialToken, @RequestParam String nichandle,
			@RequestParam(defaultValue = "P1D") String validity, @RequestParam(defaultValue = "true") boolean accept,
			Model model) {
		Credentials.Credential credential = this.credentials.findByToken(credentialToken).orElse(null);
		if (credential != null && "pendingValidation".equals(credential.state())) {
			if (accept) {
				this.credentials.validate(credential, nichandle,
						"unlimited".equals(validity) ? null : Duration.parse(validity));
			}
			else {
				this.credentials.refuse(credential);
			}
			String redirection = Json.text(credential.doc(), "_redirection");
			if (accept && redirection != null && redirection.matches("^https?://.*")) {
				return "redirect:" + redirection;
			}
		}
		return "redirect:/ovh-sandbox/auth?credentialToken=" + credentialToken;
	}

}
