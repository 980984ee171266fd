package io.domaindesk.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /auth}: server time and consumer keys.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class AuthApi {

	private final SandboxClock clock;

	private final Credentials credentials;

	private final ClockSkews skews;

	AuthApi(SandboxClock clock, Credentials credentials, ClockSkews skews) {
		this.clock = clock;
		this.credentials = credentials;
		this.skews = skews;
	}

	@NoAuthentication
	@GetMapping("/auth/time")
	JsonNode time(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		// The application key says which account's clock the caller reads (each demo
		// account has its own application).
		String nichandle = (caller.applicationKey() != null) ? this.credentials.application(caller.applicationKey())
			.map(SandboxProperties.Account::nichandle)
			.orElse(null) : null;
		return Json.NODES.numberNode(this.clock.epochSeconds() + this.skews.told(nichandle));
	}

	@NoAuthentication
	@PostMapping("/auth/credential")
	JsonNode credential(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody JsonNode body,
			HttpServletRequest request) {
		String applicationKey = caller.applicationKey();
		if (applicationKey == null || this.credentials.application(applicationKey).isEmpty()) {
			throw OvhError.legacy(HttpStatus.FORBIDDEN, "INVALID_KEY", "This application key is invalid");
		}
		JsonNode rules = body.get("accessRules");
		if (rules == null || !rules.isArray()) {
			throw OvhError.badRequest("Missing parameter(s): accessRules");
		}
		for (JsonNode rule : rules) {
			String method = Json.text(rule, "method");
			if (method == null || !java.util.List.of("DELETE", "GET", "PATCH", "POST", "PUT").contains(method)
					|| Json.text(rule, "path") == null) {
				throw OvhError.badRequest("[accessRules] Invalid access rule: " + Json.write(rule));
			}
		}
		Credentials.Credential credential = this.credentials.request(applicationKey, rules, body.get("allowedIPs"),
				Json.text(body, "redirection"));
		ObjectNode answer = Json.object();
		answer.put("consumerKey", credential.consumerKey());
		answer.put("state", "pendingValidation");
		answer.put("validationUrl", CredentialPage.origin(request) + "/ovh-sandbox/auth?credentialToken="
				+ Json.text(credential.doc(), "_token"));
		return answer;
	}

	@GetMapping("/auth/currentCredential")
	JsonNode currentCredential(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		return Json.publicView(this.credentials.find(caller.consumerKey()).orElseThrow(OvhError::notFound).doc());
	}

}
