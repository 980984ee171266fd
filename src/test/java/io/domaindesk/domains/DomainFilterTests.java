package io.domaindesk.domains;

import org.junit.jupiter.api.Test;

import io.domaindesk.infrastructure.SpreadsheetSafe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's filter read from the URL, without Spring: whatever a user types lands in a
 * bounded, normalised filter, and links carry only what differs from the defaults.
 */
class DomainFilterTests {

	private static DomainFilter filter(String q, String nic, String role, String tld, Integer expiresWithin,
			String sort, String dir, Integer page, Integer size) {
		return new DomainFilter(q, nic, role, tld, null, expiresWithin, null, null, null, sort, dir, page, size, null);
	}

	@Test
	void valuesAreNormalisedAndBounded() {
		DomainFilter filter = filter("  café ", " AB12345-OVH ", "TECH", ".FR", 99999, "price", "sideways", -3, 37);
		assertThat(filter.q()).isEqualTo("café");
		assertThat(filter.nic()).isEqualTo("ab12345-ovh");
		assertThat(filter.nicRole()).isEqualTo(NicRole.TECH);
		assertThat(filter.tld()).isEqualTo("fr");
		assertThat(filter.expiresWithin()).isNull();
		assertThat(filter.sort()).isEqualTo("name");
		assertThat(filter.dir()).isEqualTo("asc");
		assertThat(filter.page()).isEqualTo(1);
		assertThat(filter.size()).isEqualTo(25);
		assertThat(filter.filtered()).isTrue();
		assertThat(DomainFilter.none().filtered()).isFalse();
	}

	@Test
	void linksCarryOnlyWhatDiffersFromTheDefaults() {
		assertThat(DomainFilter.none().url("/domains")).isEqualTo("/domains");
		DomainFilter filter = filter("café", "ab1-ovh", "admin", null, 30, "expiry", "desc", 3, 50);
		assertThat(filter.url("/domains")).isEqualTo(
				"/domains?q=caf%C3%A9&nic=ab1-ovh&role=admin&expiresWithin=30&sort=expiry&dir=desc&page=3&size=50");
		// A role without a nichandle means nothing and is left out.
		assertThat(filter(null, null, "admin", null, null, null, null, null, null).query()).isEmpty();
		assertThat(filter.offset()).isEqualTo(100);
	}

	@Test
	void sortingTheSameColumnAgainReversesItAndGoesBackToPageOne() {
		DomainFilter filter = filter(null, null, null, null, null, "expiry", "asc", 4, null);
		DomainFilter again = filter.sortedBy("expiry");
		assertThat(again.dir()).isEqualTo("desc");
		assertThat(again.page()).isEqualTo(1);
		assertThat(again.sortedBy("expiry").dir()).isEqualTo("asc");
		assertThat(filter.sortedBy("state").dir()).isEqualTo("asc");
		assertThat(filter.withPage(7).page()).isEqualTo(7);
	}

	@Test
	void spreadsheetFormulasAreNeutralised() {
		assertThat(SpreadsheetSafe.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetSafe.cell("+33 1")).isEqualTo("'+33 1");
		assertThat(SpreadsheetSafe.cell("-1")).isEqualTo("'-1");
		assertThat(SpreadsheetSafe.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetSafe.cell("\tx")).isEqualTo("'\tx");
		assertThat(SpreadsheetSafe.cell("\rx")).isEqualTo("'\rx");
		assertThat(SpreadsheetSafe.cell("Hélène D'Arcy")).isEqualTo("Hélène D'Arcy");
		assertThat(SpreadsheetSafe.cell(null)).isEmpty();
		assertThat(SpreadsheetSafe.cell("")).isEmpty();
	}

}
