/**
 * The append-only audit trail: every change, login and export, written in the transaction
 * of the change itself.
 */
package io.domaindesk.audit;
