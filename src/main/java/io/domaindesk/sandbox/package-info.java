/**
 * An OVHcloud API v1 emulator served under {@code /ovh-sandbox/1.0}, independent of the
 * client module.
 */
package io.domaindesk.sandbox;
