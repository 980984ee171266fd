package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Status of a domain task ({@code domain.OperationStatusEnum}). OVHcloud adds values
 * without notice (e.g. {@code problem} for tasks), so an unknown value is kept as is and
 * {@link #isKnown()} is false.
 */
public record TaskStatus(@JsonValue String value) {

	public static final TaskStatus CANCELLED = new TaskStatus("cancelled");

	public static final TaskStatus DOING = new TaskStatus("doing");

	public static final TaskStatus DONE = new TaskStatus("done");

	public static final TaskStatus ERROR = new TaskStatus("error");

	public static final TaskStatus PROBLEM = new TaskStatus("problem");

	public static final TaskStatus TODO = new TaskStatus("todo");

	private static final List<TaskStatus> KNOWN = List.of(CANCELLED, DOING, DONE, ERROR, PROBLEM, TODO);

	public TaskStatus {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static TaskStatus of(String value) {
		return new TaskStatus(value);
	}

	public static List<TaskStatus> known() {
		return KNOWN;
	}

	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	/**
	 * Done or cancelled: the task will not move any more.
	 */
	public boolean isFinal() {
		return equals(DONE) || equals(CANCELLED);
	}

	/**
	 * Error (fix and relaunch, or wait for OVHcloud) or problem (OVHcloud support
	 * needed).
	 */
	public boolean needsAttention() {
		return equals(ERROR) || equals(PROBLEM);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
