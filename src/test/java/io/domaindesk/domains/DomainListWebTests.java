package io.domaindesk.domains;

import java.util.List;

import io.domaindesk.agency.Principals;
import io.domaindesk.security.WebSlice;
import io.domaindesk.support.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /domains} without a database: what the URL's filters become, the live search's
 * fragment, and a live search whose session has expired.
 */
@WebSlice
@WebMvcTest(DomainsController.class)
@Import(DomainListView.class)
@MockitoBean(
		types = { DomainSearch.class, DomainExport.class, DomainPages.class, DomainLive.class, DomainActions.class })
class DomainListWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DomainSearch search;

	@BeforeEach
	void emptyList() {
		given(this.search.page(anyLong(), any()))
			.willAnswer((call) -> new DomainSearch.Page(List.of(), 1000, false, call.getArgument(1), false, false));
	}

	private DomainFilter searched() {
		ArgumentCaptor<DomainFilter> filter = ArgumentCaptor.forClass(DomainFilter.class);
		verify(this.search).page(eq(Principals.AGENCY), filter.capture());
		return filter.getValue();
	}

	@Test
	void theUrlsFiltersReachTheSearchNormalised() throws Exception {
		Html page = Html.of(
				this.mvc
					.perform(get("/domains").param("q", "  café ")
						.param("nic", " AB1-OVH ")
						.param("role", "tech")
						.param("tld", ".FR")
						.param("sort", "expiry")
						.param("dir", "desc")
						.param("size", "50")
						.param("page", "2")
						.with(user(Principals.staff())))
					.andExpect(status().isOk())
					.andReturn());

		DomainFilter filter = searched();
		assertThat(filter.q()).isEqualTo("café");
		assertThat(filter.nic()).isEqualTo("ab1-ovh");
		assertThat(filter.role()).isEqualTo("tech");
		assertThat(filter.tld()).isEqualTo("fr");
		assertThat(filter.sort()).isEqualTo("expiry");
		assertThat(filter.dir()).isEqualTo("desc");
		assertThat(filter.size()).isEqualTo(50);
		// The search box shows what was searched.
		assertThat(page.field("q").val()).isEqualTo("café");
	}

	@Test
	void valuesOutOfRangeFallBackToTheDefaultsInsteadOfFailing() throws Exception {
		this.mvc
			.perform(get("/domains").param("sort", "password")
				.param("dir", "sideways")
				.param("size", "7")
				.param("page", "-3")
				.param("expiresWithin", "99999")
				.param("after", "'; drop table domain; --")
				.with(user(Principals.staff())))
			.andExpect(status().isOk());

		DomainFilter filter = searched();
		assertThat(filter.sort()).isEqualTo("name");
		assertThat(filter.dir()).isEqualTo("asc");
		assertThat(filter.size()).isEqualTo(25);
		assertThat(filter.page()).isEqualTo(1);
		assertThat(filter.expiresWithin()).isNull();
		assertThat(filter.after()).isNull();
	}

	@Test
	void aPageNumberLeftFromALargerResultShowsTheLastPageThatExists() throws Exception {
		given(this.search.page(anyLong(), any()))
			.willAnswer((call) -> new DomainSearch.Page(List.of(), 60, false, call.getArgument(1), false, false));

		this.mvc.perform(get("/domains").param("page", "9").with(user(Principals.staff()))).andExpect(status().isOk());

		ArgumentCaptor<DomainFilter> filters = ArgumentCaptor.forClass(DomainFilter.class);
		verify(this.search, times(2)).page(eq(Principals.AGENCY), filters.capture());
		assertThat(filters.getAllValues()).extracting(DomainFilter::page).containsExactly(9, 3);
	}

	@Test
	void aLiveSearchGetsOnlyTheResults() throws Exception {
		Html fragment = Html.of(this.mvc
			.perform(get("/domains").param("q", "cafe").header("HX-Request", "true").with(user(Principals.staff())))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(fragment.document().select("#results")).hasSize(1);
		// Not the page around them: no heading, no search box (it would lose the focus).
		assertThat(fragment.document().select("h1, #q")).isEmpty();
	}

	@Test
	void aDomainWithoutANichandleForARoleShowsThatInWordsNotAnEmptyLink() throws Exception {
		// OVHcloud can answer a domain without a billing (or any) nichandle; an empty
		// link has no
		// name for a screen reader and leads to a filter on nothing (axe-core's
		// link-name).
		DomainRow row = new DomainRow(7, "lapsed.fr", "lapsed.fr", "fr", "ok", "not_suspended", null, null, null,
				"ab123-ovh", "", null, null, "John Doe", null, 0, null, null, null, 1);
		given(this.search.page(anyLong(), any()))
			.willAnswer((call) -> new DomainSearch.Page(List.of(row), 1, false, call.getArgument(1), false, false));

		Html page = Html.of(this.mvc.perform(get("/domains").with(user(Principals.staff())))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.document().select("td.nic a").eachAttr("href"))
			.containsExactly("/domains?nic=ab123-ovh&role=admin");
		assertThat(page.document().select("td.nic").eachText()).containsExactly("ab123-ovh", "—No nichandle",
				"—No nichandle");
	}

	@Test
	void aLiveSearchWithoutASessionSendsTheBrowserToTheLoginPage() throws Exception {
		// htmx would otherwise swap the login form into the results, or empty them.
		this.mvc.perform(get("/domains").param("q", "cafe").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
		verifyNoInteractions(this.search);
	}

	@Test
	void aPageWithoutASessionIsRedirectedToTheLoginPage() throws Exception {
		this.mvc.perform(get("/domains").param("q", "cafe"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"))
			.andExpect(header().doesNotExist("HX-Redirect"));
		verifyNoInteractions(this.search);
	}

}
