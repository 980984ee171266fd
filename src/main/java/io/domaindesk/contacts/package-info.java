/**
 * Nichandle changes, for one domain or hundreds: pre-check, start, track, accept / refuse
 * / resend.
 */
package io.domaindesk.contacts;
