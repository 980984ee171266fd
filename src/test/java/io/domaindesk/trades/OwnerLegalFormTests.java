package io.domaindesk.trades;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskPrincipal;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Owner contact rules by legal form, against the sandbox's {@code update} rules: first
 * and last name are the identity of an individual only (a top-level {@code and} of two
 * conditions), the address fields come in a nested group, and clearing an optional field
 * clears it at OVHcloud.
 */
@IntegrationTest
class OwnerLegalFormTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private TradeFixture fixture;

	private DeskPrincipal bob;

	@BeforeEach
	void syncedInventory() {
		this.fixture = new TradeFixture(this.context);
		this.bob = this.fixture.bob();
	}

	@AfterEach
	void healSandbox() {
		this.fixture.heal();
	}

	@Test
	void aCorporationsOwnerEditsFirstAndLastNameWithoutATradeWhileAnIndividualsAreLocked() {
		String corporation = domainOwnedBy("corporation");
		String individual = domainOwnedBy("individual");

		var page = this.mvc.get().uri("/domains/{d}/owner", corporation).with(user(this.bob)).exchange();
		@SuppressWarnings("unchecked")
		Set<String> locked = (Set<String>) page.getMvcResult().getModelAndView().getModel().get("locked");
		assertThat(locked).contains("organisationName", "email", "legalForm").doesNotContain("firstName", "lastName");
		@SuppressWarnings("unchecked")
		List<ContactField> fields = (List<ContactField>) page.getMvcResult().getModelAndView().getModel().get("fields");
		assertThat(fields).extracting(ContactField::label).contains("address.city", "address.line2", "fax");

		Map<String, String> values = currentOwner(corporation);
		values.put("firstName", "Ysolde");
		values.put("lastName", "Garnier");
		assertThat(post(corporation, values)).hasStatus3xxRedirection()
			.flash()
			.containsEntry("flash", "owner.saved.fields");
		assertThat(currentOwner(corporation)).containsEntry("firstName", "Ysolde").containsEntry("lastName", "Garnier");
		assertThat(this.jdbc.sql("select count(*) from trade where domain_name = :d")
			.param("d", corporation)
			.query(Long.class)
			.single()).isZero();

		var individualPage = this.mvc.get().uri("/domains/{d}/owner", individual).with(user(this.bob)).exchange();
		@SuppressWarnings("unchecked")
		Set<String> individualLocked = (Set<String>) individualPage.getMvcResult()
			.getModelAndView()
			.getModel()
			.get("locked");
		assertThat(individualLocked).contains("firstName", "lastName", "email");
		Map<String, String> person = currentOwner(individual);
		String before = person.get("firstName");
		person.put("firstName", "Ysolde");
		assertThat(post(individual, person)).hasStatusOk().model().containsEntry("lockedChanged", Set.of("firstName"));
		assertThat(currentOwner(individual)).containsEntry("firstName", before);
	}

	@Test
	void clearingAnOptionalFieldClearsItAtOvhcloudAndThePageSaysSo() {
		String domain = domainOwnedBy("association");
		Map<String, String> values = currentOwner(domain);
		values.put("fax", "+33.123456789");
		values.put("address.line2", "Bâtiment B");
		assertThat(post(domain, values)).hasStatus3xxRedirection();
		assertThat(currentOwner(domain)).containsEntry("fax", "+33.123456789")
			.containsEntry("address.line2", "Bâtiment B");

		values.put("fax", "");
		values.put("address.line2", "");
		var saved = post(domain, values).exchange();
		assertThat(saved).hasStatus3xxRedirection().flash().containsEntry("flash", "owner.saved.fields");
		Object[] args = (Object[]) saved.getMvcResult().getFlashMap().get("flashArgs");
		assertThat(args[2].toString()).contains("fax").contains("address.line2");
		assertThat(currentOwner(domain)).doesNotContainKeys("fax", "address.line2");
	}

	private MockMvcTester.MockMvcRequestBuilder post(String domain, Map<String, String> fields) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.post()
			.uri("/domains/{d}/owner", domain)
			.with(user(this.bob))
			.with(csrf());
		fields.forEach((key, value) -> request.param("fields[" + key + "]", value));
		return request;
	}

	private Map<String, String> currentOwner(String domain) {
		return this.fixture.currentOwner(domain);
	}

	/**
	 * A new .com domain of the agency whose owner has this legal form and plain names,
	 * created in the sandbox and synced in for this test alone (never one of the seeded
	 * domains other tests read or change).
	 */
	private String domainOwnedBy(String legalForm) {
		String name = this.fixture.domain("com", legalForm);
		assertThat(currentOwner(name)).as("the owner of %s", name).containsEntry("legalForm", legalForm);
		return name;
	}

}
