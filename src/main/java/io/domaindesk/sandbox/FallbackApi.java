package io.domaindesk.sandbox;

import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under the API answers OVHcloud's 404 rather than Spring's error page.
 */
@RestController
@ConditionalOnSandbox
class FallbackApi {

	@NoAuthentication
	@RequestMapping(path = SandboxFilter.PREFIX + "/**", produces = "application/json")
	JsonNode unknown() {
		throw OvhError.notFound("Got an invalid (or empty) URL");
	}

}
