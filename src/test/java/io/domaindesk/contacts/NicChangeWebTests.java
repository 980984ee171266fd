package io.domaindesk.contacts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.domaindesk.agency.Principals;
import io.domaindesk.domains.Inventory;
import io.domaindesk.security.WebSlice;
import io.domaindesk.support.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The single-domain nichandle form without a database: what it refuses and where, what it
 * keeps, where it goes once sent.
 */
@WebSlice
@WebMvcTest(NicChangeController.class)
@MockitoBean(types = { Inventory.class, Preflight.class, StartNicChange.class })
class NicChangeWebTests {

	static final Inventory.InventoryDomain DOMAIN = new Inventory.InventoryDomain("exemple.fr", "exemple.fr", 3L, "ok",
			"ad1-ovh", "te1-ovh", "bi1-ovh", "11", "Jean Dupont", null, false);

	@Autowired
	MockMvc mvc;

	@Autowired
	Inventory inventory;

	@Autowired
	Preflight preflight;

	@Autowired
	StartNicChange start;

	@BeforeEach
	void domain() {
		given(this.inventory.find(Principals.AGENCY, "exemple.fr")).willReturn(Optional.of(DOMAIN));
	}

	private static MockHttpServletRequestBuilder form(String admin, String tech, String step) {
		return post("/domains/exemple.fr/nic-change").param("contactAdmin", admin)
			.param("contactTech", tech)
			.param("contactBilling", "")
			.param("step", step)
			.with(user(Principals.staff()))
			.with(csrf());
	}

	@Test
	void aMalformedNichandleIsRefusedBesideItsFieldAndKept() throws Exception {
		Html page = Html
			.of(this.mvc.perform(form("not a nic!", "cd2-ovh", "preview")).andExpect(status().isOk()).andReturn());

		assertThat(page.field("contactAdmin").val()).isEqualTo("not a nic!");
		assertThat(page.errorBeside("contactAdmin")).contains("\"not a nic!\" is not a nichandle");
		assertThat(page.field("contactTech").val()).isEqualTo("cd2-ovh");
		page.noErrorBeside("contactTech");
		verifyNoInteractions(this.preflight, this.start);
	}

	@Test
	void anEmptyFormSaysWhatIsMissing() throws Exception {
		Html page = Html.of(this.mvc.perform(form(" ", "", "preview")).andExpect(status().isOk()).andReturn());

		assertThat(page.document().select("form .alert-danger").text()).isNotBlank();
		page.noErrorBeside("contactAdmin");
		verifyNoInteractions(this.preflight, this.start);
	}

	@Test
	void theCheckBeforeSendingPutsItsRefusalBesideTheRole() throws Exception {
		given(this.preflight.plan(eq(Principals.AGENCY), eq(DOMAIN), any()))
			.willReturn(new Preflight.Plan(DOMAIN, Map.of("contactTech", "te1-ovh"), Map.of(),
					List.of(new Preflight.Reason("contactTech", "nic.refused.same", List.of("te1-ovh")))));

		Html page = Html.of(this.mvc.perform(form("", "TE1-ovh", "preview")).andExpect(status().isOk()).andReturn());

		assertThat(page.errorBeside("contactTech")).isNotBlank();
		assertThat(page.field("contactTech").val()).isEqualTo("TE1-ovh");
		verify(this.preflight).plan(Principals.AGENCY, DOMAIN, Map.of("contactTech", "te1-ovh"));
		verifyNoInteractions(this.start);
	}

	@Test
	void aPreviewShowsWhatWillHappenAndAsksToConfirm() throws Exception {
		given(this.preflight.plan(eq(Principals.AGENCY), eq(DOMAIN), any())).willReturn(new Preflight.Plan(DOMAIN,
				Map.of("contactTech", "te1-ovh"), Map.of("contactTech", "cd2-ovh"), List.of()));

		Html page = Html.of(this.mvc.perform(form("", "cd2-ovh", "preview")).andExpect(status().isOk()).andReturn());

		assertThat(page.document().select("#preview").text()).contains("te1-ovh", "cd2-ovh");
		assertThat(page.field("step").val()).isEqualTo("confirm");
		assertThat(page.field("contactTech").hasAttr("readonly")).isTrue();
		verifyNoInteractions(this.start);
	}

	@Test
	void aConfirmedChangeIsSentAndFollowedOnTheTrackingPage() throws Exception {
		NicChange change = new NicChange(Principals.AGENCY, null, 3, "exemple.fr", Map.of("contactTech", "te1-ovh"),
				Map.of("contactTech", "cd2-ovh"), "sam");
		change.submitting();
		change.submitted(List.of(11L));
		given(this.start.start(DOMAIN, Map.of("contactTech", "cd2-ovh")))
			.willReturn(new StartNicChange.Result(null, change));

		this.mvc.perform(form("", "cd2-ovh", "confirm"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/nic-changes?q=exemple.fr"))
			.andExpect(flash().attribute("flash", "nic.submitted"));
	}

	@Test
	void anAuditorCannotSendAChange() throws Exception {
		this.mvc
			.perform(post("/domains/exemple.fr/nic-change").param("contactTech", "cd2-ovh")
				.param("step", "confirm")
				.with(user(Principals.auditor()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.start);
	}

}
