/**
 * The OVHcloud API client: signing, clock, errors, retries, rate limit and typed records;
 * nothing else talks to OVHcloud.
 */
package io.domaindesk.ovh;
