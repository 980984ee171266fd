package io.domaindesk.agency;

/**
 * Usernames are unique across the installation, so one login page serves every agency.
 */
class UsernameTakenException extends RuntimeException {

	UsernameTakenException(String username) {
		super("Username already taken: " + username);
	}

}
