package io.domaindesk.agency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void rejectsWeakPasswordsWithTheirReason() {
		assertThat(this.policy.violation("bob", "short")).contains("password.tooShort");
		assertThat(this.policy.violation("bob", "x".repeat(129))).contains("password.tooLong");
		assertThat(this.policy.violation("bobby", "my-name-is-BOBBY")).contains("password.containsUsername");
		assertThat(this.policy.violation("bob", "password1234")).contains("password.tooCommon");
		assertThat(this.policy.violation("bob", "aaaaaaaaaaaaaaa")).contains("password.tooCommon");
	}

	/** From the bundled list (OWASP SecLists' most common passwords), not from code. */
	@Test
	void rejectsCommonAndBreachedPasswordsOfAnyCase() {
		assertThat(this.policy.violation("bob", "1qaz2wsx3edc")).contains("password.tooCommon");
		assertThat(this.policy.violation("bob", "QWERTY123456")).contains("password.tooCommon");
		assertThat(this.policy.violation("bob", "iloveyou1234")).contains("password.tooCommon");
	}

	/** The documented context words: a password that is little more than one of them. */
	@Test
	void rejectsPasswordsMadeOfTheApplicationsOwnWords() {
		assertThat(this.policy.violation("bob", "DomainDesk2026!")).contains("password.tooCommon");
		assertThat(this.policy.violation("bob", "ovhcloud-admin1")).contains("password.tooCommon");
		assertThat(this.policy.violation("bob", "my domaindesk is a horse battery staple")).isEmpty();
	}

	@Test
	void acceptsALongUnrelatedPassphrase() {
		assertThat(this.policy.violation("bob", "correct horse battery staple")).isEmpty();
	}

}
