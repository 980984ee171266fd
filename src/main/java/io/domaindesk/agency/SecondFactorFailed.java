package io.domaindesk.agency;

/**
 * A wrong TOTP or recovery code at the second step of a login (or at enrolment during
 * it): the login throttle counts it like a wrong password, so that starting a new
 * half-logged-in session does not give a code guesser a fresh set of tries.
 */
public record SecondFactorFailed(String username) {

}
