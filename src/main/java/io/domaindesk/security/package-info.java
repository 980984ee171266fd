/**
 * Who may do what: form login, sessions, login throttling, security headers and URL
 * rules.
 */
package io.domaindesk.security;
