package io.domaindesk.ovh;

import java.util.List;

/**
 * A whole list endpoint read in as few requests as it allows: the objects when OVHcloud
 * answered in Iceberg mode, otherwise the ids alone, so that the caller reads one by one
 * only the objects it does not know yet.
 *
 * @param objects every object, or null when the server answered ids
 * @param ids the ids, or null when the server answered objects
 * @param requests how many requests it took
 */
public record OvhListing<T>(List<T> objects, List<String> ids, int requests) {

	public boolean expanded() {
		return this.objects != null;
	}

}
