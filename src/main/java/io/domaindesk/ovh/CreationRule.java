package io.domaindesk.ovh;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code nichandle.CreationRule}. {@code prefix} and {@code regularExpression} are
 * applied the way OVHcloud's Control Panel applies them ({@code ovh/manager},
 * {@code newAccountForm} field controller and {@code account-creation}'s
 * {@code useZod.ts}): the prefix is put before what is typed, then the expression is run
 * as JavaScript's {@code new RegExp(expression).test(value)} — no flags (case-sensitive,
 * not multi-line) and a search, not a whole-value match.
 */
public record CreationRule(String defaultValue, List<String> examples, String fieldName, List<String> in,
		Boolean mandatory, Long maxLength, Long minLength, String prefix, String regularExpression) {

	/**
	 * The value OVHcloud gets for what was typed. The Control Panel types the number
	 * after the prefix and sends {@code prefix + value}; a value already written in
	 * international form ({@code +…}, or {@code 00…}) is kept, and a phone number typed
	 * in national form loses its trunk {@code 0} behind a country code (except in Italy,
	 * where the 0 belongs to the number).
	 * @param typed what was typed, already stripped
	 * @return the value with its prefix
	 */
	public String withPrefix(String typed) {
		if (this.prefix == null || this.prefix.isBlank() || typed == null || typed.isEmpty()) {
			return typed;
		}
		String value = typed;
		if (this.prefix.startsWith("+")) {
			if (value.startsWith("00")) {
				value = "+" + value.substring(2);
			}
			if (value.startsWith("+")) {
				return value;
			}
			if (value.startsWith("0") && !this.prefix.equals("+39")) {
				value = value.substring(1);
			}
		}
		else if (value.startsWith(this.prefix)) {
			return value;
		}
		return this.prefix + value;
	}

	/**
	 * Whether a value (with its prefix) passes the rule's expression, as the Control
	 * Panel checks it.
	 * @param value the value OVHcloud gets
	 * @return true without an expression
	 */
	public boolean accepts(String value) {
		return test(this.regularExpression, value);
	}

	/**
	 * JavaScript's {@code new RegExp(expression).test(value)} in Java: the same default
	 * flags (none), a search anywhere in the value. An expression Java cannot read
	 * (JavaScript-only syntax) is not held against the value: OVHcloud checks it again.
	 * @param expression a rule's expression, null or blank for none
	 * @param value the value
	 * @return whether the value passes
	 */
	public static boolean test(String expression, String value) {
		if (expression == null || expression.isBlank()) {
			return true;
		}
		Pattern pattern;
		try {
			pattern = Pattern.compile(expression);
		}
		catch (PatternSyntaxException ex) {
			return true;
		}
		// JavaScript's "$" (without the m flag) matches only at the very end; Java's also
		// before a final line break, which a value must not sneak through.
		String text = (value != null) ? value : "";
		if (text.endsWith("\n") || text.endsWith("\r")) {
			return false;
		}
		return pattern.matcher(text).find();
	}

}
