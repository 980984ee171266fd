package io.domaindesk.ovh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Status of an order ({@code billing.order.OrderStatusEnum}). OVHcloud adds values
 * without notice (e.g. {@code problem} for tasks), so an unknown value is kept as is and
 * {@link #isKnown()} is false.
 */
public record OrderStatus(@JsonValue String value) {

	public static final OrderStatus CANCELLED = new OrderStatus("cancelled");

	public static final OrderStatus CANCELLING = new OrderStatus("cancelling");

	public static final OrderStatus CHECKING = new OrderStatus("checking");

	public static final OrderStatus DELIVERED = new OrderStatus("delivered");

	public static final OrderStatus DELIVERING = new OrderStatus("delivering");

	public static final OrderStatus DOCUMENTS_REQUESTED = new OrderStatus("documentsRequested");

	public static final OrderStatus NOT_PAID = new OrderStatus("notPaid");

	public static final OrderStatus UNKNOWN = new OrderStatus("unknown");

	private static final List<OrderStatus> KNOWN = List.of(CANCELLED, CANCELLING, CHECKING, DELIVERED, DELIVERING,
			DOCUMENTS_REQUESTED, NOT_PAID, UNKNOWN);

	public OrderStatus {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static OrderStatus of(String value) {
		return new OrderStatus(value);
	}

	public static List<OrderStatus> known() {
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
