package io.domaindesk.ovh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OvhErrorsTest {

	private static OvhException.Failure failure(int status, String body) {
		return OvhErrors.failure(OvhJson.mapper(), status, body, null, "GET", "/me");
	}

	@Test
	void clockTroubleIsRecognisedInBothShapes() {
		assertThat(OvhErrors.isClockTrouble(failure(400,
				"{\"errorCode\":\"INVALID_SIGNATURE\",\"httpCode\":\"400 Bad Request\",\"message\":\"Invalid signature\"}")))
			.isTrue();
		assertThat(OvhErrors
			.isClockTrouble(failure(400, "{\"class\":\"Client::BadRequest\",\"message\":\"Invalid signature\"}")))
			.isTrue();
		assertThat(OvhErrors.isClockTrouble(
				failure(400, "{\"class\":\"Client::BadRequest\",\"message\":\"Timestamp is too far in the past\"}")))
			.isTrue();
		assertThat(
				OvhErrors.isClockTrouble(failure(400, "{\"class\":\"Client::BadRequest\",\"message\":\"Bad city\"}")))
			.isFalse();
		assertThat(OvhErrors.isClockTrouble(failure(500, "{\"message\":\"Invalid signature\"}"))).isFalse();
		assertThat(OvhErrors.isClockTrouble(failure(503, "Service is temporarily unavailable"))).isFalse();
	}

	@Test
	void newStyleForbiddenMessagesAreClassified() {
		assertThat(OvhErrors.toException(
				failure(403, "{\"class\":\"Client::Forbidden\",\"message\":\"This call has not been granted\"}")))
			.isInstanceOf(OvhException.CallNotGranted.class);
		assertThat(OvhErrors.toException(failure(403,
				"{\"errorCode\":\"NOT_CREDENTIAL\",\"httpCode\":\"403 Forbidden\",\"message\":\"This credential does not exist\"}")))
			.isInstanceOf(OvhException.InvalidCredential.class);
		assertThat(OvhErrors.toException(failure(403, "{\"errorCode\":\"INVALID_KEY\",\"message\":\"x\"}")))
			.isInstanceOf(OvhException.InvalidCredential.class);
		assertThat(OvhErrors.toException(failure(460, "{\"message\":\"expired\"}")))
			.isExactlyInstanceOf(OvhException.Expired.class);
		assertThat(OvhErrors.toException(failure(461, "{\"message\":\"odd\"}")))
			.isExactlyInstanceOf(OvhException.class);
	}

	@Test
	void detailsWithNonTextValuesAreKept() {
		OvhException ex = OvhErrors.toException(failure(403,
				"{\"class\":\"Client::Forbidden\",\"message\":\"User not granted for this request\",\"details\":{\"unauthorizedActionsByIAM\":[\"account:apiovh:me/get\"]}}"));
		assertThat(ex).isExactlyInstanceOf(OvhException.Forbidden.class);
		assertThat(ex.details()).containsEntry("unauthorizedActionsByIAM", "[\"account:apiovh:me/get\"]");
	}

	@Test
	void ruleTreeIsReadRecursively() {
		String json = """
				{"and":[{"label":"OWNER_CONTACT","type":"contact","fields":{"and":[
				  {"label":"organisationName","type":"string","placeholder":"lorem","constraints":[
				    {"operator":"required","conditions":{"label":"OWNER_CONTACT","type":"contact",
				      "fields":{"label":"legalForm","type":"string","constraints":[{"operator":"ne","value":"individual"}]}}},
				    {"operator":"maxlength","value":"255"}]},
				  {"label":"legalForm","type":"string","constraints":[{"operator":"contains","values":["individual","corporation"]}]}]}},
				 {"label":"ACCEPT_CONDITIONS","type":"bool","constraints":[{"operator":"shouldbetrue"}],"contexts":["update"]}]}""";
		ConfigurationRule rule = OvhJson.mapper().readValue(json, ConfigurationRule.class);
		ConfigurationRule owner = rule.and().get(0);
		assertThat(owner.label()).isEqualTo("OWNER_CONTACT");
		ConfigurationRule organisation = owner.fields().and().get(0);
		assertThat(organisation.constraints()).extracting(RuleConstraint::operator)
			.containsExactly("required", "maxlength");
		assertThat(organisation.constraints().get(0).conditions().fields().constraints().get(0).value())
			.isEqualTo("individual");
		assertThat(owner.fields().and().get(1).constraints().get(0).values()).containsExactly("individual",
				"corporation");
		assertThat(rule.and().get(1).contexts()).containsExactly("update");
	}

}
