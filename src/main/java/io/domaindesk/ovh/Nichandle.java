package io.domaindesk.ovh;

/**
 * {@code nichandle.Nichandle}.
 */
public record Nichandle(String address, String area, String birthCity, String birthDay, String city,
		String companyNationalIdentificationNumber, String complementaryAddress, String corporationType, String country,
		Currency currency, String customerCode, String email, String fax, String firstname, String italianSDI,
		Boolean kycValidated, String language, LegalForm legalform, String name, String nationalIdentificationNumber,
		String nichandle, String organisation, String ovhCompany, String ovhSubsidiary, String phone,
		String phoneCountry, String phoneType, String purposeOfPurchase, String sex, String spareEmail, String state,
		String vat, String zip) {

}
