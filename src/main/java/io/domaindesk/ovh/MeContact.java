package io.domaindesk.ovh;

import java.time.LocalDate;

/**
 * {@code me.contact.Contact}.
 */
public record MeContact(Long id, MeContactAddress address, String birthCity, String birthCountry, LocalDate birthDay,
		String birthZip, String cellPhone, String companyNationalIdentificationNumber, String email, String fax,
		String firstName, String gender, String language, String lastName, LegalForm legalForm,
		String nationalIdentificationNumber, String nationality, String organisationName, String organisationType,
		String phone, String spareEmail, String vat) {

}
