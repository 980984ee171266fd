package io.domaindesk.clients;

/**
 * An agency's rule for owner consent before a trade is submitted: not offered, offered,
 * or required (a declined, expired or missing agreement then blocks the submission).
 */
public enum ConsentMode {

	OFF, OPTIONAL, REQUIRED

}
