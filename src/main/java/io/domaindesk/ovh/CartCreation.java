package io.domaindesk.ovh;

import java.time.OffsetDateTime;

/**
 * {@code order.cart.Creation}.
 */
public record CartCreation(String description, OffsetDateTime expire, String ovhSubsidiary) {

}
