package io.domaindesk.trades;

import java.util.List;
import java.util.Map;

import io.domaindesk.ovh.ConfigurationRule;
import io.domaindesk.ovh.RuleConstraint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OVHcloud's owner-contact rules read into form fields, and their conditions evaluated on
 * a contact, without Spring: when a field is required, when it is locked.
 */
class ContactFieldTests {

	private static ConfigurationRule field(String label, RuleConstraint... constraints) {
		return new ConfigurationRule(null, null, List.of(constraints), null, null, null, label, null, null, "string");
	}

	private static ConfigurationRule and(ConfigurationRule... rules) {
		return new ConfigurationRule(List.of(rules), null, null, null, null, null, null, null, null, null);
	}

	private static ConfigurationRule or(ConfigurationRule... rules) {
		return new ConfigurationRule(null, null, null, null, null, null, null, List.of(rules), null, null);
	}

	/** An {@code OWNER_CONTACT} rule whose {@code fields} must hold. */
	private static ConfigurationRule owner(ConfigurationRule fields) {
		return new ConfigurationRule(null, null, null, null, null, fields, "OWNER_CONTACT", null, null, "contact");
	}

	private static RuleConstraint is(String operator, String value) {
		return new RuleConstraint(null, null, operator, value, null);
	}

	private static RuleConstraint in(String operator, String... values) {
		return new RuleConstraint(null, null, operator, null, List.of(values));
	}

	private static RuleConstraint when(String operator, ConfigurationRule conditions) {
		return new RuleConstraint(conditions, null, operator, null, null);
	}

	private static final ConfigurationRule INDIVIDUAL = owner(field("legalForm", is("eq", "individual")));

	private static final ConfigurationRule FRENCH = owner(field("address.country", is("eq", "FR")));

	@Test
	void constraintsBecomeTheFieldsSettingsAndUnknownOnesAreIgnored() {
		ContactField city = ContactField.of(field("address.city", is("required", null), is("maxlength", "40"),
				is("match", "[A-Z].*"), is("someday", "x")));
		ContactField country = ContactField.of(field("address.country", in("contains", "FR", "BE")));
		ContactField fax = ContactField.of(field("fax", is("maxlength", "not a number")));

		assertThat(city.required()).isTrue();
		assertThat(city.maxLength()).isEqualTo(40);
		assertThat(city.pattern()).isEqualTo("[A-Z].*");
		assertThat(city.lockable()).isFalse();
		assertThat(city.param()).isEqualTo("fields[address.city]");
		assertThat(city.id()).isEqualTo("f-address-city");
		assertThat(country.select()).isTrue();
		assertThat(country.values()).containsExactly("FR", "BE");
		assertThat(fax.required()).isFalse();
		assertThat(fax.maxLength()).isNull();
		assertThat(fax.select()).isFalse();
	}

	@Test
	void aFieldRequiredUnderAConditionIsRequiredOnlyWhenItHolds() {
		ContactField firstName = ContactField.of(field("firstName", when("required", INDIVIDUAL)));

		assertThat(firstName.required()).isFalse();
		assertThat(firstName.requiredFor(Map.of("legalForm", "individual"))).isTrue();
		assertThat(firstName.requiredFor(Map.of("legalForm", "corporation"))).isFalse();
		assertThat(firstName.requiredFor(Map.of())).isFalse();
	}

	@Test
	void aReadonlyFieldIsLockedAlwaysOrOnlyWhenItsConditionHolds() {
		ContactField always = ContactField
			.of(field("legalForm", new RuleConstraint(null, null, "readonly", null, null)));
		ContactField forIndividuals = ContactField.of(field("lastName", when("readonly", INDIVIDUAL)));
		ContactField free = ContactField.of(field("email"));

		assertThat(always.lockedFor(Map.of())).isTrue();
		assertThat(forIndividuals.lockedFor(Map.of("legalForm", "individual"))).isTrue();
		assertThat(forIndividuals.lockedFor(Map.of("legalForm", "association"))).isFalse();
		assertThat(free.lockedFor(Map.of("legalForm", "individual"))).isFalse();
	}

	@Test
	void andConditionsNeedAllOrConditionsNeedOne() {
		ConfigurationRule both = and(INDIVIDUAL, FRENCH);
		ConfigurationRule either = or(INDIVIDUAL, FRENCH);
		Map<String, String> frenchCompany = Map.of("legalForm", "corporation", "address.country", "FR");
		Map<String, String> frenchPerson = Map.of("legalForm", "individual", "address.country", "FR");
		Map<String, String> belgianCompany = Map.of("legalForm", "corporation", "address.country", "BE");

		assertThat(ContactField.holds(both, frenchPerson)).isTrue();
		assertThat(ContactField.holds(both, frenchCompany)).isFalse();
		assertThat(ContactField.holds(either, frenchCompany)).isTrue();
		assertThat(ContactField.holds(either, belgianCompany)).isFalse();
	}

	@Test
	void groupsInsideAnOwnerConditionAreEvaluatedToo() {
		// OWNER_CONTACT.fields may itself be an and/or of field rules.
		ConfigurationRule frenchOrBelgianPerson = owner(and(field("legalForm", is("eq", "individual")),
				or(field("address.country", is("eq", "FR")), field("address.country", is("eq", "BE")))));

		assertThat(
				ContactField.holds(frenchOrBelgianPerson, Map.of("legalForm", "individual", "address.country", "BE")))
			.isTrue();
		assertThat(
				ContactField.holds(frenchOrBelgianPerson, Map.of("legalForm", "individual", "address.country", "DE")))
			.isFalse();
		assertThat(
				ContactField.holds(frenchOrBelgianPerson, Map.of("legalForm", "corporation", "address.country", "FR")))
			.isFalse();
	}

	@Test
	void aClearedFieldCountsAsEmptyForEveryOperator() {
		Map<String, String> cleared = Map.of("organisationName", "  ");

		assertThat(ContactField.holds(owner(field("organisationName", is("empty", null))), cleared)).isTrue();
		assertThat(ContactField.holds(owner(field("organisationName", is("notempty", null))), cleared)).isFalse();
		assertThat(ContactField.holds(owner(field("organisationName", is("eq", "  "))), cleared)).isFalse();
		assertThat(ContactField.holds(owner(field("organisationName", is("ne", "ACME"))), cleared)).isTrue();
		assertThat(ContactField.holds(owner(field("organisationName", in("contains", "ACME"))), cleared)).isFalse();
		assertThat(ContactField.holds(owner(field("organisationName", in("notcontains", "ACME"))), cleared)).isTrue();
		assertThat(ContactField.holds(owner(field("organisationName", in("notcontains", "ACME"))),
				Map.of("organisationName", "ACME")))
			.isFalse();
	}

	@Test
	void aConditionWithoutFieldsOrWithAnUnknownOperatorHolds() {
		// Rather shown required or locked than wrongly free.
		ConfigurationRule bareOwner = new ConfigurationRule(null, null, null, null, null, null, "OWNER_CONTACT", null,
				null, "contact");

		assertThat(ContactField.holds(bareOwner, Map.of())).isTrue();
		assertThat(ContactField.holds(owner(field("legalForm", is("startswith", "ind"))), Map.of())).isTrue();
	}

	@Test
	void theFormListsEveryFieldOfTheOwnerRuleOnceNestedGroupsIncluded() {
		ConfigurationRule ownerRule = owner(and(field("legalForm"), or(field("firstName"), field("organisationName")),
				and(field("address.city"), field("firstName"))));
		ConfigurationRule tradeTree = and(
				new ConfigurationRule(null, null, null, null, null, null, "OTHER", null, null, null), or(ownerRule));

		assertThat(ContactField.fromTree(tradeTree)).extracting(ContactField::label)
			.containsExactly("legalForm", "firstName", "organisationName", "address.city");
		assertThat(ContactField.fromTree(field("OTHER"))).isEmpty();
		assertThat(ContactField.fromTree(null)).isEmpty();
	}

}
