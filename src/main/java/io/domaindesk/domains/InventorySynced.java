package io.domaindesk.domains;

/**
 * Published at the end of a complete sync of an agency, in the sync's thread and before
 * the run is marked done, so that what other modules derive from the inventory (the
 * clients) is current when the sync says it is.
 *
 * @param agencyId the agency whose inventory was synced
 * @param runId the sync run
 */
public record InventorySynced(long agencyId, long runId) {

}
