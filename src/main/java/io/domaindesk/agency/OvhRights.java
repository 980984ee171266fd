package io.domaindesk.agency;

import java.util.List;
import java.util.regex.Pattern;

import io.domaindesk.ovh.AccessRule;

/**
 * The access rules DomainDesk asks OVHcloud for, and which of them a credential lacks.
 * Each path is asked as {@code /x} and {@code /x/*}: OVHcloud's {@code /x/*} does not
 * cover {@code /x} itself.
 */
final class OvhRights {

	static final List<AccessRule> REQUIRED = List.of(new AccessRule("GET", "/domain"),
			new AccessRule("GET", "/domain/*"), new AccessRule("POST", "/domain/*"), new AccessRule("PUT", "/domain/*"),
			new AccessRule("GET", "/me"), new AccessRule("PUT", "/me"), new AccessRule("GET", "/me/*"),
			new AccessRule("POST", "/me/*"), new AccessRule("GET", "/order/*"), new AccessRule("POST", "/order/*"),
			new AccessRule("GET", "/auth/currentCredential"));

	private OvhRights() {
	}

	/** Required rules that none of the granted rules covers. */
	static List<AccessRule> missing(List<AccessRule> granted) {
		return REQUIRED.stream().filter(required -> granted.stream().noneMatch(g -> covers(g, required))).toList();
	}

	/** OVHcloud's {@code *} matches any characters, slashes included. */
	static boolean covers(AccessRule granted, AccessRule required) {
		if (!granted.method().equalsIgnoreCase(required.method())) {
			return false;
		}
		String regex = Pattern.quote(granted.path()).replace("*", "\\E.*\\Q");
		return required.path().matches(regex) || required.path().replace("*", "x").matches(regex);
	}

}
