package io.domaindesk.trades;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.ConfigurationRule;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhContactsApi;
import io.domaindesk.ovh.OvhFailures;
import io.domaindesk.ovh.RuleConstraint;
import io.domaindesk.ovh.RuleData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Editing the owner contact without a change of owner, OVHcloud mocked, no Spring: what
 * is checked, what is sent, what is refused and what is recorded.
 */
class UpdateOwnerTests {

	private static final long AGENCY = 7;

	private static final long CONTACT = 11;

	private static final Inventory.InventoryDomain DOMAIN = new Inventory.InventoryDomain("exemple.fr", "exemple.fr",
			3L, "ok", "ad1-ovh", "te1-ovh", "bi1-ovh", "11", "Jean Dupont", null, false);

	private static final ConfigurationRule INDIVIDUAL = new ConfigurationRule(null, null, null, null, null,
			rule("legalForm", new RuleConstraint(null, null, "eq", "individual", null)), "OWNER_CONTACT", null, null,
			null);

	/** The update rules: legal form always locked, names locked for individuals. */
	private static final List<ContactField> FIELDS = List.of(
			ContactField.of(rule("legalForm", new RuleConstraint(null, null, "readonly", null, null))),
			ContactField.of(rule("firstName", new RuleConstraint(INDIVIDUAL, null, "readonly", null, null))),
			ContactField.of(rule("lastName", new RuleConstraint(INDIVIDUAL, null, "readonly", null, null))),
			ContactField.of(rule("address.city")), ContactField.of(rule("fax")), ContactField.of(rule("birthDay")));

	private final TradeConnections connections = mock(TradeConnections.class);

	private final OwnerContact owners = mock(OwnerContact.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final OvhContactsApi contacts = mock(OvhContactsApi.class);

	private final UpdateOwner update = new UpdateOwner(this.connections, this.owners, this.audit);

	private static ConfigurationRule rule(String label, RuleConstraint... constraints) {
		return new ConfigurationRule(null, null, List.of(constraints), null, null, null, label, null, null, "string");
	}

	@BeforeEach
	void owner() {
		OvhClient client = mock(OvhClient.class);
		given(client.contacts()).willReturn(this.contacts);
		given(this.connections.client(AGENCY, DOMAIN.ovhAccountId())).willReturn(client);
		Map<String, String> current = new LinkedHashMap<>();
		current.put("legalForm", "individual");
		current.put("firstName", "Jean");
		current.put("lastName", "Dupont");
		current.put("address.city", "Paris");
		current.put("fax", "+33.102030405");
		given(this.owners.read(AGENCY, DOMAIN, "update"))
			.willReturn(new OwnerContact.Owner(CONTACT, null, Map.copyOf(current), FIELDS));
	}

	private static Map<String, String> typed(String... pairs) {
		Map<String, String> typed = new LinkedHashMap<>(Map.of("legalForm", "individual", "firstName", "Jean",
				"lastName", "Dupont", "address.city", "Paris", "fax", "+33.102030405"));
		for (int i = 0; i < pairs.length; i += 2) {
			typed.put(pairs[i], pairs[i + 1]);
		}
		return typed;
	}

	@Test
	void freeFieldsAreCheckedThenSentAndAClearedFieldIsSentAsNull() {
		UpdateOwner.Result result = this.update.update(AGENCY, DOMAIN, typed("address.city", " Lyon ", "fax", " "));

		assertThat(result.saved()).isTrue();
		assertThat(result.changed()).containsExactly("address.city");
		assertThat(result.cleared()).containsExactly("fax");
		ArgumentCaptor<RuleData> checked = ArgumentCaptor.forClass(RuleData.class);
		verify(this.contacts).checkConfigurationRule(eq("update"), eq("exemple.fr"), checked.capture());
		ArgumentCaptor<DomainContact> sent = ArgumentCaptor.forClass(DomainContact.class);
		verify(this.contacts).updateDomainContact(eq(CONTACT), sent.capture(), eq(List.of("fax")));
		assertThat(sent.getValue().address().city()).isEqualTo("Lyon");
		assertThat(sent.getValue().fax()).isNull();
		assertThat(sent.getValue().lastName()).isEqualTo("Dupont");
		assertThat(checked.getValue().owner()).isEqualTo(sent.getValue());
		ArgumentCaptor<AuditEntry> recorded = ArgumentCaptor.forClass(AuditEntry.class);
		verify(this.audit, org.mockito.Mockito.times(2)).record(recorded.capture());
		assertThat(recorded.getAllValues()).extracting(AuditEntry::outcome)
			.containsExactly(AuditOutcome.PENDING, AuditOutcome.SUCCESS);
		// Only the names of the fields: the trail keeps no personal data.
		assertThat(recorded.getValue().details().get("fields")).isEqualTo(List.of("address.city", "fax"));
	}

	@Test
	void aLockedFieldThatChangedIsRefusedAndNothingIsSentEvenIfOvhcloudLetsItPass() {
		UpdateOwner.Result result = this.update.update(AGENCY, DOMAIN, typed("lastName", "Durand", "fax", "+33.1"));

		assertThat(result.saved()).isFalse();
		assertThat(result.lockedChanged()).containsExactly("lastName");
		assertThat(result.error()).isNull();
		verify(this.contacts, never()).updateDomainContact(anyLong(), any(), anyCollection());
		verifyNoInteractions(this.audit);
	}

	@Test
	void clearingALockedFieldIsAChangeToo() {
		UpdateOwner.Result result = this.update.update(AGENCY, DOMAIN, typed("firstName", ""));

		assertThat(result.saved()).isFalse();
		assertThat(result.lockedChanged()).containsExactly("firstName");
		verify(this.contacts, never()).updateDomainContact(anyLong(), any(), anyCollection());
	}

	@Test
	void namesAreFreeWhenTheOwnerIsNotAnIndividual() {
		given(this.owners.read(AGENCY, DOMAIN, "update")).willReturn(new OwnerContact.Owner(CONTACT, null,
				Map.of("legalForm", "association", "lastName", "Dupont", "organisationName", "Club"), FIELDS));

		UpdateOwner.Result result = this.update.update(AGENCY, DOMAIN,
				Map.of("legalForm", "association", "lastName", "Durand"));

		assertThat(result.saved()).isTrue();
		assertThat(result.lockedChanged()).isEmpty();
		assertThat(result.changed()).containsExactly("lastName");
	}

	@Test
	void ovhcloudsRefusalsGoNextToTheirFieldAndTheRestIsShownForTheWholeForm() {
		willThrow(OvhFailures
			.ruleViolation(Map.of("owner.city", "Unknown city", "owner.vat", "Say who you are", "_queryId", "ignored")))
			.given(this.contacts)
			.checkConfigurationRule(eq("update"), eq("exemple.fr"), any());

		UpdateOwner.Result result = this.update.update(AGENCY, DOMAIN, typed("address.city", "Atlantis"));

		assertThat(result.saved()).isFalse();
		assertThat(result.fieldErrors()).containsExactly(Map.entry("address.city", "Unknown city"));
		assertThat(result.error()).isEqualTo("Say who you are");
		assertThat(result.queryId()).isEqualTo("EU.q-rule");
		verify(this.contacts, never()).updateDomainContact(anyLong(), any(), anyCollection());
		verifyNoInteractions(this.audit);
	}

	@Test
	void aValueOfTheWrongTypeIsRefusedBeforeOvhcloudIsAsked() {
		UpdateOwner.Result result = this.update.update(AGENCY, DOMAIN,
				Map.of("legalForm", "individual", "birthDay", "not a date"));

		assertThat(result.saved()).isFalse();
		assertThat(result.error()).isNotBlank();
		verifyNoInteractions(this.contacts, this.audit);
	}

	@Test
	void anUnansweredUpdateIsRecordedAsUnknownNotAsFailed() {
		willThrow(OvhFailures.outcomeUnknown()).given(this.contacts)
			.updateDomainContact(eq(CONTACT), any(), anyCollection());

		UpdateOwner.Result result = this.update.update(AGENCY, DOMAIN, typed("address.city", "Lyon"));

		assertThat(result.saved()).isFalse();
		assertThat(result.unknown()).isTrue();
		assertThat(result.queryId()).isEqualTo("EU.q-lost");
		ArgumentCaptor<AuditEntry> recorded = ArgumentCaptor.forClass(AuditEntry.class);
		verify(this.audit, org.mockito.Mockito.times(2)).record(recorded.capture());
		assertThat(recorded.getAllValues()).extracting(AuditEntry::outcome)
			.containsExactly(AuditOutcome.PENDING, AuditOutcome.UNKNOWN);
	}

}
