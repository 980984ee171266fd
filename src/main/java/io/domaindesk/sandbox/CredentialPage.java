package io.domaindesk.sandbox;

import java.net.URI;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stands in for OVHcloud's login page behind {@code validationUrl}: the customer picks
 * the account and the validity of a requested consumer key. Like OVHcloud's, it lives on
 * another origin than the application that asked for the key ({@code localhost} when the
 * API is called at {@code 127.0.0.1} and the other way round), so that a client which
 * only works same-origin fails here as it would against OVHcloud.
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

	/**
	 * The origin of the validation page, seen from a caller of the API at
	 * {@code request}.
	 */
	static String origin(HttpServletRequest request) {
		String host = request.getServerName();
		String other = switch (host.toLowerCase(java.util.Locale.ROOT)) {
			case "127.0.0.1" -> "localhost";
			case "localhost" -> "127.0.0.1";
			default -> host;
		};
		return request.getScheme() + "://" + other + ":" + request.getServerPort();
	}

	@GetMapping("/ovh-sandbox/auth")
	String page(@RequestParam String credentialToken, Model model, HttpServletResponse response) {
		Credentials.Credential credential = this.credentials.findByToken(credentialToken).orElse(null);
		// The form answers with a redirect to the application, another origin: OVHcloud's
		// page allows it, the application's own policy (form-action 'self') would not.
		String back = (credential != null) ? redirectionOrigin(Json.text(credential.doc(), "_redirection")) : null;
		response.setHeader("Content-Security-Policy",
				"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
						+ "object-src 'none'; base-uri 'self'; form-action 'self'" + ((back != null) ? " " + back : "")
						+ "; frame-ancestors 'none'");
		model.addAttribute("credential", (credential != null) ? Json.publicView(credential.doc()).toString() : null);
		model.addAttribute("state", (credential != null) ? credential.state() : null);
		model.addAttribute("token", credentialToken);
		model.addAttribute("accounts", this.properties.accountList());
		return "sandbox/credential";
	}

	private static String redirectionOrigin(String redirection) {
		if (redirection == null || !redirection.matches("(?i)^https?://[^\\s;,']+$")) {
			return null;
		}
		try {
			URI uri = URI.create(redirection);
			return (uri.getHost() != null)
					? uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "")
					: null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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
