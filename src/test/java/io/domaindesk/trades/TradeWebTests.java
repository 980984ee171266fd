package io.domaindesk.trades;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.domaindesk.agency.Principals;
import io.domaindesk.clients.Consents;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.ConfigurationRule;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhContactsApi;
import io.domaindesk.security.WebSlice;
import io.domaindesk.support.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owner page, the trade's start and its approval without a database or OVHcloud:
 * refusals beside their field with what was typed kept, redirects once done, and who may
 * act.
 */
@WebSlice
@WebMvcTest({ OwnerController.class, TradeStartController.class, TradeController.class, TradePaymentController.class })
@MockitoBean(types = { Inventory.class, OwnerContact.class, UpdateOwner.class, TradeOffer.class, TradeConnections.class,
		TradeRepository.class, StartTrade.class, TradeHistory.class, TradeSettings.class, PrepareCart.class,
		SubmitTrade.class, ApproveTrade.class, CancelTrade.class, TradeTracker.class, ActOnTradeTask.class,
		Consents.class, RequestConsent.class, PayTrade.class, TradePayment.class, TradeTaskArguments.class })
class TradeWebTests {

	static final Inventory.InventoryDomain DOMAIN = new Inventory.InventoryDomain("exemple.fr", "exemple.fr", 3L, "ok",
			"ad1-ovh", "te1-ovh", "bi1-ovh", "11", "Jean Dupont", null, false);

	static final List<ContactField> FIELDS = List.of(field("lastName"), field("address.city"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Inventory inventory;

	@Autowired
	OwnerContact owners;

	@Autowired
	UpdateOwner update;

	@Autowired
	TradeConnections connections;

	@Autowired
	StartTrade start;

	@Autowired
	TradeRepository trades;

	@Autowired
	ApproveTrade approve;

	@Autowired
	TradeOffer offers;

	private static ContactField field(String label) {
		return ContactField
			.of(new ConfigurationRule(null, null, List.of(), null, null, null, label, null, null, "string"));
	}

	@BeforeEach
	void domainAndOwner() {
		given(this.inventory.find(Principals.AGENCY, "exemple.fr")).willReturn(Optional.of(DOMAIN));
		given(this.owners.read(eq(Principals.AGENCY), eq(DOMAIN), any())).willReturn(
				new OwnerContact.Owner(11, null, Map.of("lastName", "Dupont", "address.city", "Paris"), FIELDS));
		OvhClient client = mock(OvhClient.class);
		given(client.contacts()).willReturn(mock(OvhContactsApi.class));
		given(this.connections.client(anyLong(), anyLong())).willReturn(client);
		given(this.offers.read(Principals.AGENCY, DOMAIN))
			.willReturn(Optional.of(new TradeOffer.Offer("fr-trade", "default", "12.00 €", 12, "Owner change", "P0D")));
	}

	// The owner page.

	@Test
	void ownerValuesOvhcloudRefusesAreShownBesideTheirFieldWithWhatWasTyped() throws Exception {
		given(this.update.update(Principals.AGENCY, DOMAIN, Map.of("lastName", "Durand", "address.city", "Atlantis")))
			.willReturn(new UpdateOwner.Result(false, Map.of("address.city", "Unknown city"), List.of(), null, "q-1",
					false));

		Html page = Html.of(
				this.mvc
					.perform(post("/domains/exemple.fr/owner").param("fields[lastName]", "Durand")
						.param("fields[address.city]", "Atlantis")
						.with(user(Principals.staff()))
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn());

		assertThat(page.errorBeside("fields[address.city]")).isEqualTo("Unknown city");
		assertThat(page.field("fields[address.city]").val()).isEqualTo("Atlantis");
		assertThat(page.field("fields[lastName]").val()).isEqualTo("Durand");
		page.noErrorBeside("fields[lastName]");
	}

	@Test
	void savedOwnerValuesRedirectToTheOwnerPageSayingWhatChanged() throws Exception {
		given(this.update.update(eq(Principals.AGENCY), eq(DOMAIN), any())).willReturn(new UpdateOwner.Result(true,
				Map.of(), List.of(), null, null, false, List.of("address.city"), List.of()));

		this.mvc
			.perform(post("/domains/exemple.fr/owner").param("fields[lastName]", "Dupont")
				.param("fields[address.city]", "Lyon")
				.with(user(Principals.staff()))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/domains/exemple.fr/owner"))
			.andExpect(flash().attribute("flash", "owner.saved.fields"));
	}

	@Test
	void anotherAgencysDomainIsNotFound() throws Exception {
		this.mvc
			.perform(post("/domains/elsewhere.fr/owner").param("fields[lastName]", "X")
				.with(user(Principals.staff()))
				.with(csrf()))
			.andExpect(status().isNotFound());
		verifyNoInteractions(this.update);
	}

	// Starting a trade.

	@Test
	void anExistingContactMustBeChosenAndTheTypedValuesStay() throws Exception {
		Html page = Html.of(
				this.mvc
					.perform(post("/domains/exemple.fr/trade").param("source", "existing")
						.param("fields[lastName]", "Martin")
						.with(user(Principals.staff()))
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn());

		assertThat(page.field("fields[lastName]").val()).isEqualTo("Martin");
		assertThat(page.text()).contains("Choose one of the account's contacts");
		verifyNoInteractions(this.start);
	}

	@Test
	void aNewOwnerOvhcloudRefusesIsShownBesideTheFieldWithWhatWasTyped() throws Exception {
		given(this.start.start(eq(DOMAIN), any()))
			.willReturn(new StartTrade.Result(null, false, Map.of("address.city", "Unknown city"), null, "q-2"));

		Html page = Html.of(
				this.mvc
					.perform(post("/domains/exemple.fr/trade").param("fields[lastName]", "Martin")
						.param("fields[address.city]", "Atlantis")
						.with(user(Principals.staff()))
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn());

		assertThat(page.errorBeside("fields[address.city]")).isEqualTo("Unknown city");
		assertThat(page.field("fields[address.city]").val()).isEqualTo("Atlantis");
		assertThat(page.field("fields[lastName]").val()).isEqualTo("Martin");
		verify(this.start).start(DOMAIN,
				new StartTrade.NewOwner(null, Map.of("lastName", "Martin", "address.city", "Atlantis")));
	}

	@Test
	void aPreparedTradeRedirectsToItsPage() throws Exception {
		given(this.start.start(eq(DOMAIN), any())).willReturn(new StartTrade.Result(5L, false, Map.of(), null, null));
		given(this.trades.findById(5L)).willReturn(Optional.of(trade(5)));

		this.mvc
			.perform(post("/domains/exemple.fr/trade").param("fields[lastName]", "Martin")
				.with(user(Principals.staff()))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/trades/5"))
			.andExpect(flash().attribute("flash", "trade.prepared"));
	}

	// Approving a trade.

	private static Trade trade(long id) {
		Trade trade = new Trade(Principals.AGENCY, 3, "exemple.fr", "11", "Jean Dupont", "domain-trade", "default",
				"12.00", "sam");
		org.springframework.test.util.ReflectionTestUtils.setField(trade, "id", id);
		return trade;
	}

	@Test
	void anApprovalTheRulesRefuseComesBackOnTheTradePage() throws Exception {
		given(this.trades.findByIdAndAgencyId(5L, Principals.AGENCY)).willReturn(Optional.of(trade(5)));
		given(this.approve.approve(5L, true, false)).willThrow(new TradeRefused("trade.refused.fourEyes"));

		this.mvc
			.perform(post("/trades/5/approve").param("waiveRetractationPeriod", "true")
				.with(user(Principals.agencyAdmin()))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/trades/5"))
			.andExpect(flash().attribute("flashError", "trade.refused.fourEyes"));
	}

	@Test
	void aRenewedCartIsSaidOnTheTradePage() throws Exception {
		given(this.trades.findByIdAndAgencyId(5L, Principals.AGENCY)).willReturn(Optional.of(trade(5)));
		given(this.trades.findById(5L)).willReturn(Optional.of(trade(5)));
		given(this.approve.approve(5L, true, true)).willReturn(ApproveTrade.Outcome.CART_RENEWED);

		this.mvc
			.perform(post("/trades/5/approve").param("waiveRetractationPeriod", "true")
				.param("autoPayWithPreferredPaymentMethod", "true")
				.with(user(Principals.agencyAdmin()))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/trades/5"))
			.andExpect(flash().attribute("flashError", "trade.cart.renewed"));
	}

	@Test
	void anotherAgencysTradeCannotBeApproved() throws Exception {
		Trade theirs = new Trade(99, 4, "ailleurs.fr", "12", "Someone Else", "domain-trade", "default", "12.00", "eve");
		given(this.trades.findById(6L)).willReturn(Optional.of(theirs));

		this.mvc.perform(post("/trades/6/approve").with(user(Principals.agencyAdmin())).with(csrf()))
			.andExpect(status().isNotFound());
		verifyNoInteractions(this.approve);
	}

	@Test
	void anAuditorCannotApproveNorApproveWithoutTheFormsToken() throws Exception {
		this.mvc.perform(post("/trades/5/approve").with(user(Principals.auditor())).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/trades/5/approve").with(user(Principals.agencyAdmin())))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.approve);
	}

	@Test
	void anHtmxCallWithoutASessionAsksForTheLoginPage() throws Exception {
		this.mvc.perform(post("/trades/5/approve").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
		verifyNoInteractions(this.approve);
	}

}
