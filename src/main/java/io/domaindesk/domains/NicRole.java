package io.domaindesk.domains;

/**
 * Which contact role a nichandle filter looks at.
 */
enum NicRole {

	ANY, ADMIN, TECH, BILLING;

	String column() {
		return switch (this) {
			case ADMIN -> "contact_admin";
			case TECH -> "contact_tech";
			case BILLING -> "contact_billing";
			case ANY -> throw new IllegalStateException("ANY spans three columns");
		};
	}

}
