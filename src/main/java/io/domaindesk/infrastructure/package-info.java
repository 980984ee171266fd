/**
 * Plumbing every module relies on: the database (embedded for the local demo), secrets
 * encryption, scheduling locks, the pages' message banner ({@link Flash}).
 */
package io.domaindesk.infrastructure;
