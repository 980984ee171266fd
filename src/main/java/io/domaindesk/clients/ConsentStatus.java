package io.domaindesk.clients;

/** Where a consent request stands; expiry is read from its date, not stored. */
public enum ConsentStatus {

	PENDING, AGREED, DECLINED, REVOKED

}
