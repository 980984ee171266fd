package io.domaindesk.ovh;

/**
 * {@code nichandle.CreationRules}.
 */
public record CreationRules(CreationRule address, CreationRule area, CreationRule birthCity, CreationRule birthDay,
		CreationRule city, CreationRule companyNationalIdentificationNumber, CreationRule corporationType,
		CreationRule country, CreationRule email, CreationRule fax, CreationRule firstname, CreationRule italianSDI,
		CreationRule language, CreationRule legalform, CreationRule name, CreationRule nationalIdentificationNumber,
		CreationRule organisation, CreationRule ovhCompany, CreationRule ovhSubsidiary, CreationRule phone,
		CreationRule phoneCountry, CreationRule phoneType, CreationRule purposeOfPurchase, CreationRule sex,
		CreationRule spareEmail, CreationRule vat, CreationRule zip) {

}
