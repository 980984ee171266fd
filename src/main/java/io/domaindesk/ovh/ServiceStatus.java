package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Status of a service ({@code service.StateEnum}). OVHcloud adds values without notice
 * (e.g. {@code problem} for tasks), so an unknown value is kept as is and
 * {@link #isKnown()} is false.
 */
public record ServiceStatus(@JsonValue String value) {

	public static final ServiceStatus AUTORENEW_IN_PROGRESS = new ServiceStatus("autorenewInProgress");

	public static final ServiceStatus EXPIRED = new ServiceStatus("expired");

	public static final ServiceStatus IN_CREATION = new ServiceStatus("inCreation");

	public static final ServiceStatus OK = new ServiceStatus("ok");

	public static final ServiceStatus PENDING_DEBT = new ServiceStatus("pendingDebt");

	public static final ServiceStatus UN_PAID = new ServiceStatus("unPaid");

	private static final List<ServiceStatus> KNOWN = List.of(AUTORENEW_IN_PROGRESS, EXPIRED, IN_CREATION, OK,
			PENDING_DEBT, UN_PAID);

	public ServiceStatus {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static ServiceStatus of(String value) {
		return new ServiceStatus(value);
	}

	public static List<ServiceStatus> known() {
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
