/**
 * The agency's domain inventory, synced from OVHcloud: list, search, filters, export and
 * the domain page.
 */
package io.domaindesk.domains;
