package io.domaindesk.ovh;

/**
 * Body of {@code POST /newAccount} (account creation; field names as the API, note
 * {@code legalform}).
 */
public record NewAccount(String address, String area, String birthCity, String birthDay, String city,
		String companyNationalIdentificationNumber, String corporationType, String country, String email, String fax,
		String firstname, String italianSDI, String language, LegalForm legalform, String name,
		String nationalIdentificationNumber, String organisation, String ovhCompany, String ovhSubsidiary, String phone,
		String phoneCountry, String phoneType, String purposeOfPurchase, String sex, String spareEmail, String vat,
		String zip) {

}
