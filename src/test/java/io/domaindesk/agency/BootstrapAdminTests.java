package io.domaindesk.agency;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.any;

class BootstrapAdminTests {

	/**
	 * A production start with a bootstrap password from the common-password list stops,
	 * saying why.
	 */
	@Test
	void refusesACommonBootstrapPassword() {
		DeskUserRepository users = mock(DeskUserRepository.class);
		given(users.count()).willReturn(0L);
		BootstrapAdmin bootstrap = new BootstrapAdmin(users, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				new PasswordPolicy(), new BootstrapAdminSettings("founder", "Qwerty123456"));
		assertThatIllegalStateException().isThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
			.withMessageContaining("DOMAINDESK_BOOTSTRAP_ADMIN_PASSWORD")
			.withMessageContaining("password.tooCommon");
		verify(users, never()).save(any());
	}

}
