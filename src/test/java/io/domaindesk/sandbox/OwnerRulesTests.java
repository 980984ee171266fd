package io.domaindesk.sandbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerRulesTests {

	private ObjectNode contact() {
		return Json.parseObject("""
				{"legalForm":"individual","firstName":"Hélène","lastName":"D'Arcy-Lefèvre","email":"h@example.org",
				 "phone":"+33.612345678","language":"fr_FR",
				 "address":{"line1":"1 rue","city":"Paris","zip":"75002","country":"FR"}}""");
	}

	@Test
	void completeContactPasses() {
		assertThat(OwnerRules.check("create", "com", contact(), null)).isEmpty();
	}

	@Test
	void reportsEachMissingFieldWithTheEngineKeys() {
		assertThat(OwnerRules.check("create", "com", Json.parseObject("{\"legalForm\":\"corporation\"}"), null))
			.containsKeys("owner.organisationName", "owner.email", "owner.phone", "owner.city", "owner.line1",
					"owner.country", "owner.zip")
			.doesNotContainKey("owner.firstName");
	}

	@Test
	void euNeedsAnEuropeanOwner() {
		ObjectNode owner = contact();
		((ObjectNode) owner.get("address")).put("country", "US");
		assertThat(OwnerRules.check("trade", "eu", owner, null)).containsKey("owner.country");
		assertThat(OwnerRules.check("trade", "com", owner, null)).isEmpty();
	}

	@Test
	void identityIsReadOnlyOnUpdate() {
		ObjectNode changed = contact().put("lastName", "Martin").put("phone", "+33.699999999");
		assertThat(OwnerRules.check("update", "com", changed, contact())).containsOnlyKeys("owner.lastName");
	}

	@Test
	void treeOfUpdateCarriesReadonlyConstraints() {
		String tree = Json.write(OwnerRules.tree("update", "fr"));
		assertThat(tree).contains("\"label\":\"OWNER_CONTACT\"").contains("\"operator\":\"readonly\"");
		assertThat(Json.write(OwnerRules.tree("create", "com"))).contains("OWNER_LEGAL_AGE");
	}

}
