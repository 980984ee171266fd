package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * State of an API credential ({@code auth.CredentialStateEnum}). OVHcloud adds values
 * without notice (e.g. {@code problem} for tasks), so an unknown value is kept as is and
 * {@link #isKnown()} is false.
 */
public record CredentialState(@JsonValue String value) {

	public static final CredentialState EXPIRED = new CredentialState("expired");

	public static final CredentialState PENDING_VALIDATION = new CredentialState("pendingValidation");

	public static final CredentialState REFUSED = new CredentialState("refused");

	public static final CredentialState VALIDATED = new CredentialState("validated");

	private static final List<CredentialState> KNOWN = List.of(EXPIRED, PENDING_VALIDATION, REFUSED, VALIDATED);

	public CredentialState {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static CredentialState of(String value) {
		return new CredentialState(value);
	}

	public static List<CredentialState> known() {
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
