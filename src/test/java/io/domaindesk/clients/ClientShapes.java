package io.domaindesk.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.domaindesk.support.UriParams;

import static io.domaindesk.bench.ListShapes.q;

/**
 * Every shape a user can give {@code /clients}: searches of 1, 2 and 3+ characters (with
 * accents, an e-mail fragment, punctuation alone, nothing found), every sort column in
 * both directions, each page size, the first, a middle and the last page and a bookmark
 * past the end, and these combined. Shared by {@link ClientsBenchmark} (over HTTP) and
 * {@link ClientPlanTests} (the plans), so that what is timed is what is planned.
 */
final class ClientShapes {

	static final String[] SEARCHES = { "a", "e", "z", "é", "ma", "zq", "ül", "hé", "martin", "hélène", "garçon",
			"müller", "dupont", "@example", "-", "nothing-like-it" };

	private ClientShapes() {
	}

	/** The shapes for a list of {@code pages} pages of 25 clients. */
	static List<String[]> matrix(int pages) {
		int middle = Math.max(1, pages / 2);
		List<String[]> m = new ArrayList<>();
		m.add(q("first page", "/clients"));
		for (String sort : ClientFilter.SORTS.keySet().stream().sorted().toList()) {
			for (String dir : new String[] { "asc", "desc" }) {
				String order = "sort=" + sort + "&dir=" + dir;
				m.add(q("sort " + sort + " " + dir, "/clients?" + order));
				m.add(q("sort " + sort + " " + dir + ", middle page", "/clients?" + order + "&page=" + middle));
				m.add(q("sort " + sort + " " + dir + ", last page", "/clients?" + order + "&page=" + pages));
			}
		}
		for (int size : new int[] { 50, 100 }) {
			m.add(q("size " + size, "/clients?size=" + size));
			m.add(q("size " + size + ", last page",
					"/clients?size=" + size + "&page=" + ((pages * 25 + size - 1) / size)));
		}
		m.add(q("bookmark past the last page", "/clients?page=100000"));
		for (String search : SEARCHES) {
			m.add(q("search " + search, "/clients?q=" + search));
		}
		m.add(q("search a, by domains desc", "/clients?q=a&sort=domains&dir=desc"));
		m.add(q("search e, by expiry asc, middle page", "/clients?q=e&sort=expiry&dir=asc&page=" + middle / 2));
		m.add(q("search a, by name desc, last page", "/clients?q=a&sort=name&dir=desc&page=100000"));
		m.add(q("search ma, by expiry desc, last page", "/clients?q=ma&sort=expiry&dir=desc&page=100000"));
		m.add(q("search zq, by domains asc", "/clients?q=zq&sort=domains&dir=asc"));
		m.add(q("search é, size 100, page 3", "/clients?q=é&size=100&page=3"));
		return m;
	}

	/** The filter a shape's URL gives the controller. */
	static ClientFilter filter(String uri) {
		Map<String, String> p = UriParams.of(uri);
		return new ClientFilter(p.get("q"), p.get("sort"), p.get("dir"), integer(p.get("page")),
				integer(p.get("size")));
	}

	private static Integer integer(String value) {
		return (value != null) ? Integer.valueOf(value) : null;
	}

}
