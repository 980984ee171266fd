package io.domaindesk.domains;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything {@code /domains} shows, read in one read-only transaction: the page, the
 * filter's choices and the last sync. One transaction instead of five saves four
 * begin/commit round trips and four trips through the transaction manager on every
 * keystroke of live search.
 */
@Component
class DomainListView {

	private final DomainSearch search;

	private final DomainPages pages;

	DomainListView(DomainSearch search, DomainPages pages) {
		this.search = search;
		this.pages = pages;
	}

	record View(DomainSearch.Page page, List<String> tlds, List<String> states, DomainPages.SyncStatus lastSync,
			Instant dataAsOf) {

	}

	@Transactional(readOnly = true)
	View read(long agencyId, DomainFilter filter) {
		// Read before the page: the page's planner settings last until the commit.
		List<String> tlds = this.search.tlds(agencyId);
		List<String> states = this.search.states(agencyId);
		DomainPages.SyncStatus lastSync = this.pages.lastSync(agencyId).orElse(null);
		Instant dataAsOf = this.pages.dataAsOf(agencyId).orElse(null);
		DomainSearch.Page page = this.search.page(agencyId, filter);
		if (page.rows().isEmpty() && !page.capped() && filter.page() > page.pages()) {
			// A page number left over from a larger result: show the last page that
			// exists.
			page = this.search.page(agencyId, filter.withPage(page.pages()));
		}
		return new View(page, tlds, states, lastSync, dataAsOf);
	}

}
