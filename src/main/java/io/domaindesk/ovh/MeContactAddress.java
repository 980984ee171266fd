package io.domaindesk.ovh;

/**
 * {@code me.contact.Address}.
 */
public record MeContactAddress(String city, String country, String line1, String line2, String line3,
		String otherDetails, String province, String zip) {

}
