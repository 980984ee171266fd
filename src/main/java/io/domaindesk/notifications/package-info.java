/**
 * Outgoing mail: templates, delivery from the event publication registry, reminders and
 * digests, per-user language and notices.
 */
package io.domaindesk.notifications;
