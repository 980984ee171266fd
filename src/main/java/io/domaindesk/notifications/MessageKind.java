package io.domaindesk.notifications;

/**
 * What an outgoing message is about; the outbox page filters on it.
 */
enum MessageKind {

	CONSENT_REQUEST, CONSENT_REMINDER, TASK_REMINDER, TRADE_REMINDER, WEEKLY_DIGEST

}
