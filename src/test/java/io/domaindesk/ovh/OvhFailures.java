package io.domaindesk.ovh;

import java.util.Map;

/**
 * OVHcloud's refusals as the client raises them, for tests of other modules that mock the
 * client: no HTTP, no JSON.
 */
public final class OvhFailures {

	private OvhFailures() {
	}

	/**
	 * 400 {@code DOMDOCRuleNotRespected} with per-field messages (keys such as
	 * {@code owner.city}).
	 */
	public static OvhException.RuleViolation ruleViolation(Map<String, String> details) {
		return new OvhException.RuleViolation(
				new OvhException.Failure(400, "Client::BadRequest::DOMDOCRuleNotRespected", "Rules not respected",
						details, "EU.q-rule", "POST", "/domain/configurationRule/check"));
	}

	/** The call went out and no answer came back. */
	public static OvhException.OutcomeUnknown outcomeUnknown() {
		return new OvhException.OutcomeUnknown(new OvhException.Failure(0, null, "read timed out", Map.of(),
				"EU.q-lost", "PUT", "/domain/contact/{id}"), null);
	}

}
