package io.domaindesk.ovh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code creationRules} expressions and prefixes applied as OVHcloud's Control Panel
 * applies them ({@code new RegExp(expression).test(prefix + value)}).
 */
class CreationRuleTest {

	private static final String PHONE = "^\\+(\\d{1,5}\\.)?\\d{1,15}$";

	private static CreationRule rule(String prefix, String expression) {
		return new CreationRule(null, null, "phone", null, true, 255L, 0L, prefix, expression);
	}

	@Test
	void anExpressionIsASearchAsInJavaScriptNotAWholeValueMatch() {
		// RegExp.test finds the expression anywhere unless it anchors itself.
		assertThat(CreationRule.test("[0-9]{5}", "F-75002")).isTrue();
		assertThat(CreationRule.test("^[0-9]{5}$", "F-75002")).isFalse();
		assertThat(CreationRule.test("^[0-9]{5}$", "75002")).isTrue();
	}

	@Test
	void noFlagsAreAdded() {
		// No "i": case counts; no "m": ^ and $ are the whole value's ends.
		assertThat(CreationRule.test("^[A-Z]{2}$", "fr")).isFalse();
		assertThat(CreationRule.test("^[0-9]{5}$", "75002\n")).isFalse();
		assertThat(CreationRule.test("^[0-9]{5}$", "x\n75002")).isFalse();
	}

	@Test
	void anExpressionJavaCannotReadIsLeftToOvhcloud() {
		// "[^]" is JavaScript for "any character"; Java refuses it.
		assertThat(CreationRule.test("^[^]+$", "anything")).isTrue();
		assertThat(CreationRule.test(null, "anything")).isTrue();
	}

	@Test
	void thePhonePrefixGoesBeforeWhatIsTyped() {
		CreationRule france = rule("+33", PHONE);
		assertThat(france.withPrefix("612345678")).isEqualTo("+33612345678");
		assertThat(france.accepts(france.withPrefix("612345678"))).isTrue();
		// Without the prefix the national number fails the expression.
		assertThat(france.accepts("612345678")).isFalse();
	}

	@Test
	void aNationalNumberLosesItsTrunkZeroAndAnInternationalOneIsKept() {
		CreationRule france = rule("+33", PHONE);
		assertThat(france.withPrefix("0612345678")).isEqualTo("+33612345678");
		assertThat(france.withPrefix("+33.612345678")).isEqualTo("+33.612345678");
		assertThat(france.withPrefix("0033612345678")).isEqualTo("+33612345678");
		assertThat(france.withPrefix("+32470123456")).isEqualTo("+32470123456");
		// In Italy the 0 is part of the number.
		assertThat(rule("+39", PHONE).withPrefix("0612345678")).isEqualTo("+390612345678");
		assertThat(rule(null, PHONE).withPrefix("0612345678")).isEqualTo("0612345678");
		assertThat(rule("FR", null).withPrefix("FR12345")).isEqualTo("FR12345");
		assertThat(rule("FR", null).withPrefix("12345")).isEqualTo("FR12345");
	}

}
