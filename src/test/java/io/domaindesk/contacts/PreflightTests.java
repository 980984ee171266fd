package io.domaindesk.contacts;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.domaindesk.domains.Inventory;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a nichandle change would do to one domain, decided without a database; plus the
 * small rules around it (nichandle format, the selection a bulk change is made of).
 */
class PreflightTests {

	private static Inventory.InventoryDomain domain(String state, boolean gone) {
		return new Inventory.InventoryDomain("exemple.com", "exemple.com", 1, state, "ad1-ovh", "te2-ovh", "bi3-ovh",
				"ow4-ovh", "Owner", null, gone);
	}

	@Test
	void onlyTheRolesThatChangeAreSentWithWhereTheyComeFrom() {
		Preflight.Plan plan = Preflight.plan(domain("ok", false),
				Map.of("contactTech", "new9-ovh", "contactAdmin", "ad1-ovh"), Set.of());
		assertThat(plan.changes()).isTrue();
		assertThat(plan.to()).containsExactly(Map.entry("contactTech", "new9-ovh"));
		assertThat(plan.from()).containsExactly(Map.entry("contactTech", "te2-ovh"));
		assertThat(plan.reasons()).singleElement().satisfies((reason) -> {
			assertThat(reason.role()).isEqualTo("contactAdmin");
			assertThat(reason.code()).isEqualTo("nic.refused.same");
		});
	}

	@Test
	void aRoleWithAChangeInFlightIsLeftOut() {
		Preflight.Plan plan = Preflight.plan(domain("ok", false),
				Map.of("contactTech", "new9-ovh", "contactBilling", "new8-ovh"), Set.of("contactBilling"));
		assertThat(plan.to()).containsOnlyKeys("contactTech");
		assertThat(plan.reasons()).extracting(Preflight.Reason::code).containsExactly("nic.refused.pending");
	}

	@Test
	void aDomainInAStateOvhcloudRefusesOrGoneChangesNothing() {
		Preflight.Plan suspended = Preflight.plan(domain("suspended", false), Map.of("contactTech", "new9-ovh"),
				Set.of());
		assertThat(suspended.changes()).isFalse();
		assertThat(suspended.reasons()).extracting(Preflight.Reason::code).containsExactly("nic.refused.state");
		Preflight.Plan gone = Preflight.plan(domain("ok", true), Map.of("contactTech", "new9-ovh"), Set.of());
		assertThat(gone.reasons()).extracting(Preflight.Reason::code).containsExactly("nic.refused.gone");
		assertThat(Preflight.plan(domain("autorenew_in_progress", false), Map.of("contactTech", "new9-ovh"), Set.of())
			.changes()).isTrue();
	}

	@Test
	void nichandlesAreComparedInLowerCaseAndChecked() {
		assertThat(Nichandles.normalise("  AB12345-OVH ")).isEqualTo("ab12345-ovh");
		assertThat(Nichandles.normalise("   ")).isNull();
		assertThat(Nichandles.valid("ab12345-ovh")).isTrue();
		assertThat(Nichandles.valid("AB12345-OVH")).isFalse();
		assertThat(Nichandles.valid("ab-ovh")).isFalse();
		assertThat(Nichandles.valid("a1-ovh")).isFalse();
		assertThat(Nichandles.valid(null)).isFalse();
	}

	@Test
	void aSelectionIsTickedNamesOrAKnownFilter() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("names", " a.fr ");
		params.add("names", "a.fr");
		params.add("names", "");
		params.add("q", " cafe ");
		params.add("unknown", "x");
		params.add("tld", " ");
		Selection selection = Selection.from(params);
		assertThat(selection.names()).containsExactly("a.fr");
		assertThat(selection.filter()).containsExactly(Map.entry("q", "cafe"));
		assertThat(selection.byNames()).isTrue();
		assertThat(selection.describe()).isEqualTo("domains: a.fr");
		Selection none = Selection.from(new LinkedMultiValueMap<>());
		assertThat(none.empty()).isTrue();
		assertThat(none.byNames()).isFalse();
	}

}
