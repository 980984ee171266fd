/**
 * Agencies (tenants), their users and roles, and their OVHcloud account connections.
 */
package io.domaindesk.agency;
