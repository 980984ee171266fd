package io.domaindesk.sandbox;

import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /me}: the account behind the consumer key.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class MeApi {

	private final Nichandles nichandles;

	MeApi(Nichandles nichandles) {
		this.nichandles = nichandles;
	}

	@GetMapping("/me")
	JsonNode me(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		return this.nichandles.get(caller.nic());
	}

	@PutMapping("/me")
	JsonNode update(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody JsonNode body) {
		if (!body.isObject()) {
			throw OvhError.badRequest("Invalid JSON received");
		}
		String legalform = Json.text(body, "legalform");
		if (legalform != null && !OwnerRules.LEGAL_FORMS.contains(legalform)) {
			throw OvhError.badRequest("[legalform] Given data (" + legalform + ") does not belong to the enum");
		}
		this.nichandles.update(caller.nic(), body);
		return Json.NODES.nullNode();
	}

}
