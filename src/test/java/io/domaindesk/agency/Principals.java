package io.domaindesk.agency;

/**
 * Logged-in users for slices and unit tests, without a database: pass one to
 * {@code SecurityMockMvcRequestPostProcessors.user(...)}.
 */
public final class Principals {

	/** The agency every principal here belongs to. */
	public static final long AGENCY = 7L;

	private Principals() {
	}

	public static DeskPrincipal staff() {
		return of("sam", Role.STAFF);
	}

	public static DeskPrincipal agencyAdmin() {
		return of("ada", Role.AGENCY_ADMIN);
	}

	public static DeskPrincipal auditor() {
		return of("aude", Role.AUDITOR);
	}

	private static DeskPrincipal of(String username, Role role) {
		return new DeskPrincipal(41L, AGENCY, "Agence Test", username, username, role, "{noop}unused", true, false,
				false);
	}

}
