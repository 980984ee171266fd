package io.domaindesk.domains;

import java.time.Instant;

/**
 * One domain of the inventory as lists, pages and exports show it.
 */
public record DomainRow(long id, String name, String unicodeName, String tld, String state, String suspensionState,
		Instant expiresAt, Instant renewalAt, String renewalState, String contactAdmin, String contactTech,
		String contactBilling, String ownerContactId, String ownerName, String ownerOrganisation, int pendingOperations,
		Instant externalChangeAt, Instant goneAt, Instant lastSyncedAt, long ovhAccountId) {

	static final String COLUMNS = """
			d.id, d.name, d.unicode_name, d.tld, d.state, d.suspension_state, d.expires_at, d.renewal_at,
			d.renewal_state, d.contact_admin, d.contact_tech, d.contact_billing, d.owner_contact_id, d.owner_name,
			d.owner_organisation, d.pending_operations, d.external_change_at, d.gone_at, d.last_synced_at,
			d.ovh_account_id""";

	public boolean idn() {
		return !this.name.equals(this.unicodeName);
	}

	/**
	 * The nichandle of a role ({@code admin}, {@code tech}, {@code billing}), or
	 * {@code null} when OVHcloud gave none.
	 */
	public String nic(String role) {
		String handle = switch (role) {
			case "admin" -> this.contactAdmin;
			case "tech" -> this.contactTech;
			case "billing" -> this.contactBilling;
			default -> throw new IllegalArgumentException("Unknown role " + role);
		};
		return (handle == null || handle.isEmpty()) ? null : handle;
	}

	public boolean gone() {
		return this.goneAt != null;
	}

	/**
	 * The owner as one line: the organisation when there is one, the person otherwise.
	 */
	public String owner() {
		if (this.ownerOrganisation != null && !this.ownerOrganisation.isBlank()) {
			return (this.ownerName != null && !this.ownerName.isBlank())
					? this.ownerOrganisation + " (" + this.ownerName + ")" : this.ownerOrganisation;
		}
		return this.ownerName;
	}

}
