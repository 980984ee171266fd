/**
 * The admin dashboard: figures read from the other modules' tables, each linking to the
 * list behind it.
 */
package io.domaindesk.dashboard;
