package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * State of a domain ({@code domain.DomainStateEnum}). OVHcloud adds values without notice
 * (e.g. {@code problem} for tasks), so an unknown value is kept as is and
 * {@link #isKnown()} is false.
 */
public record DomainState(@JsonValue String value) {

	public static final DomainState AUTORENEW_IN_PROGRESS = new DomainState("autorenew_in_progress");

	public static final DomainState AUTORENEW_REGISTRY_IN_PROGRESS = new DomainState("autorenew_registry_in_progress");

	public static final DomainState DELETED = new DomainState("deleted");

	public static final DomainState DISPUTE = new DomainState("dispute");

	public static final DomainState EXPIRED = new DomainState("expired");

	public static final DomainState OK = new DomainState("ok");

	public static final DomainState OUTGOING_TRANSFER = new DomainState("outgoing_transfer");

	public static final DomainState PENDING_CREATE = new DomainState("pending_create");

	public static final DomainState PENDING_DELETE = new DomainState("pending_delete");

	public static final DomainState PENDING_INCOMING_TRANSFER = new DomainState("pending_incoming_transfer");

	public static final DomainState PENDING_INSTALLATION = new DomainState("pending_installation");

	public static final DomainState REGISTRY_SUSPENDED = new DomainState("registry_suspended");

	public static final DomainState RESTORABLE = new DomainState("restorable");

	public static final DomainState TECHNICAL_SUSPENDED = new DomainState("technical_suspended");

	private static final List<DomainState> KNOWN = List.of(AUTORENEW_IN_PROGRESS, AUTORENEW_REGISTRY_IN_PROGRESS,
			DELETED, DISPUTE, EXPIRED, OK, OUTGOING_TRANSFER, PENDING_CREATE, PENDING_DELETE, PENDING_INCOMING_TRANSFER,
			PENDING_INSTALLATION, REGISTRY_SUSPENDED, RESTORABLE, TECHNICAL_SUSPENDED);

	public DomainState {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static DomainState of(String value) {
		return new DomainState(value);
	}

	public static List<DomainState> known() {
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
