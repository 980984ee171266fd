package io.domaindesk.ovh;

/**
 * {@code domain.ContactAddress}.
 */
public record ContactAddress(String city, String country, String line1, String line2, String line3, String otherDetails,
		String province, String zip) {

}
