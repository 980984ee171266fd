package io.domaindesk.agency;

/**
 * The forms of {@code /account}. Passwords are never sent back to the page.
 */
final class AccountForms {

	private AccountForms() {
	}

	record PasswordChange(String currentPassword, String newPassword, String confirmation) {

		static PasswordChange empty() {
			return new PasswordChange("", "", "");
		}

	}

	record TotpCode(String code) {

	}

}
