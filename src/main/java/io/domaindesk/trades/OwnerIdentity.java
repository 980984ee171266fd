package io.domaindesk.trades;

import java.util.Locale;
import java.util.Objects;

import io.domaindesk.ovh.DomainContact;

/**
 * What makes an owner the owner (ICANN's identity fields: legal form, names,
 * organisation, e-mail), compared instead of contact ids: OVHcloud may give a domain its
 * own copy of the new owner contact when a trade completes, with another id and the same
 * identity.
 */
record OwnerIdentity(String legalForm, String firstName, String lastName, String organisationName, String email) {

	static OwnerIdentity of(DomainContact contact) {
		return new OwnerIdentity((contact.legalForm() != null) ? contact.legalForm().value() : null,
				norm(contact.firstName()), norm(contact.lastName()), norm(contact.organisationName()),
				(contact.email() != null) ? contact.email().strip().toLowerCase(Locale.ROOT) : null);
	}

	/** Nothing to compare: an empty contact is nobody's copy. */
	boolean isBlank() {
		return Objects.isNull(this.firstName) && Objects.isNull(this.lastName) && Objects.isNull(this.organisationName)
				&& Objects.isNull(this.email);
	}

	boolean sameAs(OwnerIdentity other) {
		return other != null && !isBlank() && equals(other);
	}

	/** The name the inventory shows for an owner. */
	static String displayName(DomainContact contact) {
		String name = ((contact.firstName() != null) ? contact.firstName() : "") + " "
				+ ((contact.lastName() != null) ? contact.lastName() : "");
		return name.isBlank() ? null : name.strip();
	}

	private static String norm(String value) {
		return (value == null || value.isBlank()) ? null : value.strip().replaceAll("\\s+", " ");
	}

}
