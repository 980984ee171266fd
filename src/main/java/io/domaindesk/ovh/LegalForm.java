package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Legal form of a contact or account ({@code nichandle.LegalFormEnum}). OVHcloud adds
 * values without notice (e.g. {@code problem} for tasks), so an unknown value is kept as
 * is and {@link #isKnown()} is false.
 */
public record LegalForm(@JsonValue String value) {

	public static final LegalForm ADMINISTRATION = new LegalForm("administration");

	public static final LegalForm ASSOCIATION = new LegalForm("association");

	public static final LegalForm CORPORATION = new LegalForm("corporation");

	public static final LegalForm INDIVIDUAL = new LegalForm("individual");

	public static final LegalForm OTHER = new LegalForm("other");

	public static final LegalForm PERSONALCORPORATION = new LegalForm("personalcorporation");

	private static final List<LegalForm> KNOWN = List.of(ADMINISTRATION, ASSOCIATION, CORPORATION, INDIVIDUAL, OTHER,
			PERSONALCORPORATION);

	public LegalForm {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static LegalForm of(String value) {
		return new LegalForm(value);
	}

	public static List<LegalForm> known() {
		return KNOWN;
	}

	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
