package io.domaindesk.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.databind.JsonNode;

/**
 * {@code X-Pagination-Filter}: {@code key:op=value} terms joined by {@code &}, with the
 * operators seen in OVHcloud's manager (eq, ne, lt, gt, like with {@code %}, in).
 */
final class IcebergFilter {

	private IcebergFilter() {
	}

	static boolean matches(JsonNode doc, String filter) {
		for (String term : filter.split("&")) {
			int colon = term.indexOf(':');
			int equals = term.indexOf('=', colon + 1);
			if (colon < 0 || equals < 0) {
				throw OvhError.badRequest("Invalid X-Pagination-Filter: " + filter);
			}
			String key = URLDecoder.decode(term.substring(0, colon), StandardCharsets.UTF_8);
			String operator = term.substring(colon + 1, equals);
			String expected = URLDecoder.decode(term.substring(equals + 1), StandardCharsets.UTF_8);
			String actual = OwnerRules.value(doc, key);
			if (!test(actual, operator, expected)) {
				return false;
			}
		}
		return true;
	}

	private static boolean test(String actual, String operator, String expected) {
		return switch (operator) {
			case "eq" -> expected.equals(actual);
			case "ne" -> !expected.equals(actual);
			case "lt" -> actual != null && compare(actual, expected) < 0;
			case "gt" -> actual != null && compare(actual, expected) > 0;
			case "like" -> DomainTasks.like(actual, expected);
			case "in" -> Arrays.asList(expected.split(",")).contains(actual);
			default -> throw OvhError.badRequest("Unknown filter operator: " + operator);
		};
	}

	private static int compare(String a, String b) {
		try {
			return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
		}
		catch (NumberFormatException ex) {
			return a.compareTo(b);
		}
	}

}
