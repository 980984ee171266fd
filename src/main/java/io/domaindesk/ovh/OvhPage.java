package io.domaindesk.ovh;

import java.util.List;

/**
 * One page of a list call.
 *
 * @param items the objects of this page, in the server's order
 * @param number 1-based page number
 * @param size requested page size
 * @param total number of objects in the whole list, -1 if unknown
 * @param expanded true when OVHcloud sent objects (Iceberg mode), false when it sent ids
 * and each object was read separately
 * @param requests HTTP requests spent on this page
 */
public record OvhPage<T>(List<T> items, int number, int size, long total, boolean expanded, int requests) {

	public OvhPage {
		items = List.copyOf(items);
	}

	/**
	 * Number of pages, or -1 when the server did not say how many objects there are.
	 */
	public int pageCount() {
		if (this.total < 0) {
			return -1;
		}
		return (this.total == 0) ? 1 : (int) ((this.total + this.size - 1) / this.size);
	}

	public boolean isLast() {
		return (this.total < 0) ? this.items.size() < this.size : this.number >= pageCount();
	}

}
