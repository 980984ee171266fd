package io.domaindesk.agency;

import jakarta.validation.constraints.NotBlank;
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
			@NotBlank @Size(max = 120) String displayName, @NotBlank String role, String password) {

		/**
		 * The role asked for, or null when it is not one an agency can give. A String
		 * rather than the enum, so that a forged value is reported next to the field
		 * instead of failing to bind.
		 */
		Role agencyRole() {
			return Role.AGENCY_ROLES.stream().filter(r -> r.name().equals(this.role)).findFirst().orElse(null);
		}

		static NewUser empty() {
			return new NewUser("", "", Role.STAFF.name(), "");
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
