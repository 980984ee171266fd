package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Transfer lock of a domain ({@code domain.LockStatusEnum}). OVHcloud adds values without
 * notice (e.g. {@code problem} for tasks), so an unknown value is kept as is and
 * {@link #isKnown()} is false.
 */
public record TransferLockStatus(@JsonValue String value) {

	public static final TransferLockStatus LOCKED = new TransferLockStatus("locked");

	public static final TransferLockStatus LOCKING = new TransferLockStatus("locking");

	public static final TransferLockStatus UNAVAILABLE = new TransferLockStatus("unavailable");

	public static final TransferLockStatus UNLOCKED = new TransferLockStatus("unlocked");

	public static final TransferLockStatus UNLOCKING = new TransferLockStatus("unlocking");

	private static final List<TransferLockStatus> KNOWN = List.of(LOCKED, LOCKING, UNAVAILABLE, UNLOCKED, UNLOCKING);

	public TransferLockStatus {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static TransferLockStatus of(String value) {
		return new TransferLockStatus(value);
	}

	public static List<TransferLockStatus> known() {
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
