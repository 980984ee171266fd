package io.domaindesk.contacts;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.CreationRule;
import io.domaindesk.ovh.CreationRules;
import io.domaindesk.ovh.LegalForm;
import io.domaindesk.ovh.NewAccount;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * When the new contact has no OVHcloud account yet, its nichandle is created from the
 * nic-change screen, with the form OVHcloud's own rules describe
 * ({@code GET /newAccount/creationRules}: which fields, mandatory or not, their lengths,
 * patterns and allowed values), checked here first so that errors show next to their
 * field.
 */
@Component
class CreateNichandle {

	/** Fields the user never types: chosen on the first step or fixed by OVHcloud. */
	private static final List<String> PRESET = List.of("country", "legalform", "ovhCompany", "ovhSubsidiary");

	private final CurrentUser currentUser;

	private final OvhAccounts accounts;

	private final OvhClients clients;

	private final AuditLog audit;

	CreateNichandle(CurrentUser currentUser, OvhAccounts accounts, OvhClients clients, AuditLog audit) {
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.clients = clients;
		this.audit = audit;
	}

	/** Fields typed as phone numbers: spaces, dashes and brackets are the user's. */
	private static final List<String> PHONES = List.of("phone", "fax");

	/** Identifiers typed with spaces to read them (a VAT number, a SIRET). */
	private static final List<String> IDENTIFIERS = List.of("vat", "nationalIdentificationNumber",
			"companyNationalIdentificationNumber");

	/** One field of the form, as the rules describe it. */
	record Field(String name, boolean mandatory, Long maxLength, String pattern, List<String> allowed, String example,
			String prefix) {

		Field(String name, boolean mandatory, Long maxLength, String pattern, List<String> allowed, String example) {
			this(name, mandatory, maxLength, pattern, allowed, example, null);
		}

		private CreationRule rule() {
			return new CreationRule(null, null, this.name, null, this.mandatory, this.maxLength, null, this.prefix,
					this.pattern);
		}

		/**
		 * What OVHcloud gets for what was typed, normalised as the Control Panel does: a
		 * phone number without its spaces, dashes and brackets, an identifier without
		 * spaces, then the rule's prefix.
		 */
		String normalise(String typed) {
			String value = (typed != null) ? typed.strip() : "";
			if (value.isEmpty()) {
				return value;
			}
			if (PHONES.contains(this.name)) {
				value = value.replaceAll("\\s", "").replaceAll("-(\\d)", "$1").replaceAll("\\((\\d+)\\)", "$1");
			}
			else if (IDENTIFIERS.contains(this.name)) {
				value = value.replaceAll("\\s", "");
			}
			return rule().withPrefix(value);
		}

		boolean accepts(String value) {
			return rule().accepts(value);
		}

	}

	/** The values as OVHcloud gets them; fields without a rule are left as typed. */
	static Map<String, String> normalised(List<Field> fields, Map<String, String> values) {
		Map<String, String> all = new LinkedHashMap<>(values);
		for (Field field : fields) {
			String typed = values.get(field.name());
			if (typed != null) {
				all.put(field.name(), field.normalise(typed));
			}
		}
		return all;
	}

	record Profile(String country, String legalform, String ovhCompany, String ovhSubsidiary) {

		Profile {
			country = (country == null || country.isBlank()) ? "FR" : country.strip().toUpperCase();
			legalform = (legalform == null || legalform.isBlank()) ? "individual" : legalform.strip();
			ovhCompany = (ovhCompany == null || ovhCompany.isBlank()) ? "ovh" : ovhCompany.strip();
			ovhSubsidiary = (ovhSubsidiary == null || ovhSubsidiary.isBlank()) ? "FR" : ovhSubsidiary.strip();
		}

	}

	List<Field> fields(Inventory.InventoryDomain domain, Profile profile) {
		CreationRules rules = client(domain).me()
			.creationRules(profile.country(), LegalForm.of(profile.legalform()), profile.ovhCompany(),
					profile.ovhSubsidiary());
		List<Field> fields = new ArrayList<>();
		for (RecordComponent component : CreationRules.class.getRecordComponents()) {
			if (PRESET.contains(component.getName())) {
				continue;
			}
			CreationRule rule = (CreationRule) read(component, rules);
			if (rule == null) {
				continue;
			}
			fields.add(new Field(component.getName(), Boolean.TRUE.equals(rule.mandatory()), rule.maxLength(),
					rule.regularExpression(), (rule.in() != null) ? rule.in() : List.of(),
					(rule.examples() != null && !rule.examples().isEmpty()) ? rule.examples().get(0) : null,
					rule.prefix()));
		}
		return fields;
	}

	/**
	 * Why a value breaks a rule: a message code and its arguments, shown under the field.
	 */
	record Problem(String code, Object[] args) {

	}

	/** The rules' constraints, checked before OVHcloud sees anything, by field name. */
	static Map<String, Problem> check(List<Field> fields, Map<String, String> values) {
		Map<String, Problem> problems = new LinkedHashMap<>();
		for (Field field : fields) {
			String value = field.normalise(values.getOrDefault(field.name(), ""));
			if (value.isEmpty()) {
				if (field.mandatory()) {
					problems.put(field.name(), new Problem("newAccount.required", new Object[0]));
				}
			}
			else if (field.maxLength() != null && value.length() > field.maxLength()) {
				problems.put(field.name(), new Problem("newAccount.tooLong", new Object[] { field.maxLength() }));
			}
			else if (!field.allowed().isEmpty() && !field.allowed().contains(value)) {
				problems.put(field.name(), new Problem("newAccount.notAllowed", new Object[0]));
			}
			else if (!field.accepts(value)) {
				problems.put(field.name(), new Problem("newAccount.pattern",
						new Object[] { (field.example() != null) ? field.example() : field.pattern() }));
			}
		}
		return problems;
	}

	/** Creates the account at OVHcloud and returns its new nichandle. */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	String create(Inventory.InventoryDomain domain, Profile profile, Map<String, String> values) {
		Map<String, String> all = new LinkedHashMap<>(values);
		all.put("country", profile.country());
		all.put("legalform", profile.legalform());
		all.put("ovhCompany", profile.ovhCompany());
		all.put("ovhSubsidiary", profile.ovhSubsidiary());
		long agencyId = this.currentUser.agencyId();
		try {
			String nichandle = client(domain).me().createAccount(newAccount(all)).ovhIdentifier();
			// Minimal personal data in the trail: who was created, not their address.
			this.audit.record(new AuditEntry(
					agencyId, "nichandle.create", domain.name(), Map.of("nichandle", String.valueOf(nichandle),
							"country", profile.country(), "legalform", profile.legalform()),
					AuditOutcome.SUCCESS, null));
			return nichandle;
		}
		catch (OvhException ex) {
			this.audit.record(new AuditEntry(agencyId, "nichandle.create", domain.name(),
					Map.of("error", SubmitNicChange.describe(ex)), AuditOutcome.FAILURE, ex.queryId()));
			throw ex;
		}
	}

	private static NewAccount newAccount(Map<String, String> values) {
		RecordComponent[] components = NewAccount.class.getRecordComponents();
		Object[] args = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			String value = values.get(components[i].getName());
			value = (value == null || value.isBlank()) ? null : value.strip();
			types[i] = components[i].getType();
			args[i] = (value != null && types[i] == LegalForm.class) ? LegalForm.of(value) : value;
		}
		try {
			return NewAccount.class.getDeclaredConstructor(types).newInstance(args);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private OvhClient client(Inventory.InventoryDomain domain) {
		OvhAccounts.AgencyConnection account = this.accounts.find(this.currentUser.agencyId(), domain.ovhAccountId())
			.orElseThrow(() -> new IllegalStateException("No OVHcloud connection for this domain"));
		return this.clients.client(account.connection());
	}

}
