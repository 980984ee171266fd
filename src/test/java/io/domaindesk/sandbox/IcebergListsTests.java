package io.domaindesk.sandbox;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class IcebergListsTests {

	private final IcebergLists lists = new IcebergLists(
			new SandboxProperties(true, null, true, 1, 0, null, null, null));

	private final AtomicInteger reads = new AtomicInteger();

	private final Supplier<List<String>> read = () -> List.of("a.fr", "b.fr", "read-" + this.reads.incrementAndGet());

	private static MockHttpServletRequest page(int number, boolean noCache) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/domain");
		request.addHeader("X-Pagination-Mode", "CachedObjectList-Pages");
		request.addHeader("X-Pagination-Number", Integer.toString(number));
		if (noCache) {
			request.addHeader("Pragma", "no-cache");
		}
		return request;
	}

	@Test
	void aWalkReadsTheIdsOnceAndItsFurtherPagesFromTheCache() {
		assertThat(this.lists.ids(page(1, true), "domain/x", 7, this.read)).containsExactly("a.fr", "b.fr", "read-1");
		assertThat(this.lists.ids(page(2, false), "domain/x", 7, this.read)).containsExactly("a.fr", "b.fr", "read-1");
		assertThat(this.lists.ids(page(3, false), "domain/x", 7, this.read)).containsExactly("a.fr", "b.fr", "read-1");
		assertThat(this.reads).hasValue(1);
		// A new walk sees what changed; another caller's list is its own.
		assertThat(this.lists.ids(page(1, true), "domain/x", 7, this.read)).contains("read-2");
		assertThat(this.lists.ids(page(2, false), "domain/y", 7, this.read)).contains("read-3");
	}

	@Test
	void aPageAfterTheListChangedReadsItAgainEvenWithoutNoCache() {
		this.lists.ids(page(1, true), "domain/x", 7, this.read);
		assertThat(this.lists.ids(page(2, false), "domain/x", 8, this.read)).contains("read-2");
		assertThat(this.lists.ids(page(3, false), "domain/x", 8, this.read)).contains("read-2");
	}

	@Test
	void plainListsAndIcebergSwitchedOffAlwaysReadAfresh() {
		MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/domain");
		assertThat(this.lists.ids(plain, "domain/x", 7, this.read)).contains("read-1");
		assertThat(this.lists.ids(plain, "domain/x", 7, this.read)).contains("read-2");
		this.lists.setEnabled(false);
		this.lists.ids(page(1, true), "domain/x", 7, this.read);
		assertThat(this.lists.ids(page(2, false), "domain/x", 7, this.read)).contains("read-4");
	}

}
