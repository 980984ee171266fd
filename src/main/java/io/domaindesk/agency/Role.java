package io.domaindesk.agency;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. Only the platform admin stands outside any agency.
 */
public enum Role {

	PLATFORM_ADMIN, AGENCY_ADMIN, STAFF, AUDITOR;

	/** The roles an agency admin may hand out inside their own agency. */
	public static final Set<Role> AGENCY_ROLES = EnumSet.of(AGENCY_ADMIN, STAFF, AUDITOR);

	public String authority() {
		return "ROLE_" + name();
	}

}
