package io.domaindesk.ovh;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code me.payment.PaymentMethod} (what an approval needs of it), or an older
 * {@code me.paymentMean.*} read through the fallback, then with {@code legacy} true and
 * {@code paymentType} the route's name ({@code creditCard}, {@code bankAccount}…).
 */
public record PaymentMethod(Long paymentMethodId, @JsonProperty("default") Boolean isDefault, String description,
		String label, String paymentType, String paymentSubType, String status, OffsetDateTime expirationDate,
		Long paymentMeanId, boolean legacy) {

	/** How the approval card names it: label (e.g. a masked card number), else type. */
	public String inWords() {
		String name = (this.label != null && !this.label.isBlank()) ? this.label
				: (this.description != null && !this.description.isBlank()) ? this.description : null;
		return (name != null) ? this.paymentType + " " + name : this.paymentType;
	}

}
