/**
 * Plumbing every module relies on: the database (embedded for the local demo), secrets
 * encryption, scheduling locks.
 */
package io.domaindesk.infrastructure;
