package io.domaindesk.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The forms of user and agency administration. Passwords are checked against
 * {@link PasswordPolicy} separately, so that the policy has one home.
 */
final class UserForms {

	static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";

	private UserForms() {
	}

	record NewUser(@NotBlank @Pattern(regexp = USERNAME_PATTERN, message = "{username.invalid}") String username,
			@NotBlank @Size(max = 120) String displayName, @NotNull Role role, String password) {

		static NewUser empty() {
			return new NewUser("", "", Role.STAFF, "");
		}

	}

	record NewPassword(String password) {

	}

	record NewAgency(@NotBlank @Size(max = 120) String name,
			@NotBlank @Pattern(regexp = USERNAME_PATTERN, message = "{username.invalid}") String adminUsername,
			@NotBlank @Size(max = 120) String adminDisplayName, String adminPassword) {

		static NewAgency empty() {
			return new NewAgency("", "", "", "");
		}

	}

}
