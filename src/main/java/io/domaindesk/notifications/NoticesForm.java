package io.domaindesk.notifications;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The "Language and notices" form of {@code /account}. An unticked box is not sent at
 * all: {@code null} means off.
 */
record NoticesForm(@Email @Size(max = 254) String email, @NotNull @Pattern(regexp = "fr|en") String language,
		Boolean weeklyDigest, Boolean taskReminders, Boolean tradeReminders) {

	static NoticesForm of(NoticeSettings.Settings settings) {
		return new NoticesForm(settings.email(), settings.locale(), settings.weeklyDigest(), settings.taskReminders(),
				settings.tradeReminders());
	}

	NoticeSettings.Settings toSettings(long userId) {
		String address = (this.email != null && !this.email.isBlank()) ? this.email.strip() : null;
		return new NoticeSettings.Settings(userId, address, this.language, Boolean.TRUE.equals(this.weeklyDigest),
				Boolean.TRUE.equals(this.taskReminders), Boolean.TRUE.equals(this.tradeReminders));
	}

}
