package io.domaindesk.ovh;

import java.time.LocalDate;

/**
 * {@code domain.Contact}.
 */
public record DomainContact(Long id, String accreditationCountry, String accreditationId, String accreditationOrganism,
		Long accreditationYear, ContactAddress address, String birthCity, String birthCountry, LocalDate birthDay,
		String birthZip, String cellPhone, String companyNationalIdentificationNumber, String email,
		String enterpriseId, String fax, String firstName, String gender, String insee, String language,
		String lastName, LegalForm legalForm, String legalFormCategory, String nationalIdentificationNumber,
		String nationality, String organisationAccountable, String organisationFunding, String organisationFundingOther,
		String organisationName, String organisationRole, String organisationRoleOther, String organisationStaffStatus,
		String organisationStaffStatusOther, String organisationType, String organisationTypeOther, String phone,
		String registrantDocumentType, String registrantDocumentTypeOther, String roleInOrganisation,
		String trademarkId, String vat, String website) {

}
