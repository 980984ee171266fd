package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * State of a contact-change task ({@code nichandle.changeContact.TaskStateEnum}).
 * OVHcloud adds values without notice (e.g. {@code problem} for tasks), so an unknown
 * value is kept as is and {@link #isKnown()} is false.
 */
public record ContactChangeState(@JsonValue String value) {

	public static final ContactChangeState ABORTED = new ContactChangeState("aborted");

	public static final ContactChangeState CHECK_VALIDITY = new ContactChangeState("checkValidity");

	public static final ContactChangeState DOING = new ContactChangeState("doing");

	public static final ContactChangeState DONE = new ContactChangeState("done");

	public static final ContactChangeState ERROR = new ContactChangeState("error");

	public static final ContactChangeState EXPIRED = new ContactChangeState("expired");

	public static final ContactChangeState REFUSED = new ContactChangeState("refused");

	public static final ContactChangeState TODO = new ContactChangeState("todo");

	public static final ContactChangeState VALIDATING_BY_CUSTOMERS = new ContactChangeState("validatingByCustomers");

	private static final List<ContactChangeState> KNOWN = List.of(ABORTED, CHECK_VALIDITY, DOING, DONE, ERROR, EXPIRED,
			REFUSED, TODO, VALIDATING_BY_CUSTOMERS);

	public ContactChangeState {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static ContactChangeState of(String value) {
		return new ContactChangeState(value);
	}

	public static List<ContactChangeState> known() {
		return KNOWN;
	}

	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	/**
	 * Done, refused, aborted, expired or error: nothing will happen any more.
	 */
	public boolean isFinal() {
		return equals(DONE) || equals(REFUSED) || equals(ABORTED) || equals(EXPIRED) || equals(ERROR);
	}

	/**
	 * Still moving (an unknown new state counts as moving, so that polling goes on).
	 */
	public boolean isPending() {
		return !isFinal();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
