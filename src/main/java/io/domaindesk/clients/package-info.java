/**
 * The agency's clients (owner identities grouping domains) and consent requests with
 * their public link page.
 */
package io.domaindesk.clients;
