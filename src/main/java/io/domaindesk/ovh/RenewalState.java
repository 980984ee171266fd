package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Renewal state of a domain ({@code domain.RenewalStateEnum}). OVHcloud adds values
 * without notice (e.g. {@code problem} for tasks), so an unknown value is kept as is and
 * {@link #isKnown()} is false.
 */
public record RenewalState(@JsonValue String value) {

	public static final RenewalState AUTOMATIC_RENEW = new RenewalState("automatic_renew");

	public static final RenewalState CANCELLATION_COMPLETE = new RenewalState("cancellation_complete");

	public static final RenewalState CANCELLATION_REQUESTED = new RenewalState("cancellation_requested");

	public static final RenewalState MANUAL_RENEW = new RenewalState("manual_renew");

	public static final RenewalState UNPAID = new RenewalState("unpaid");

	private static final List<RenewalState> KNOWN = List.of(AUTOMATIC_RENEW, CANCELLATION_COMPLETE,
			CANCELLATION_REQUESTED, MANUAL_RENEW, UNPAID);

	public RenewalState {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static RenewalState of(String value) {
		return new RenewalState(value);
	}

	public static List<RenewalState> known() {
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
