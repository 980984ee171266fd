package io.domaindesk.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.domaindesk.infrastructure.TimeZoneSettings;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message writes its dates one way: long date and short time in the recipient's
 * language, in the agencies' zone whatever the JVM's.
 */
class MailRendererTests {

	private static final Instant NOON_UTC = Instant.parse("2026-12-08T12:00:00Z");

	@Test
	void datesAreInTheAgenciesZoneAndTheRecipientsLanguage() {
		MailRenderer tokyo = new MailRenderer(new StaticMessageSource(), new TimeZoneSettings(ZoneId.of("Asia/Tokyo")));
		assertThat(tokyo.dateTime(NOON_UTC, Locale.FRENCH)).contains("8 décembre 2026", "21:00");
		assertThat(tokyo.dateTime(NOON_UTC, Locale.ENGLISH)).contains("December 8, 2026", "9:00");

		MailRenderer paris = new MailRenderer(new StaticMessageSource(),
				new TimeZoneSettings(ZoneId.of("Europe/Paris")));
		assertThat(paris.dateTime(NOON_UTC, Locale.FRENCH)).contains("8 décembre 2026", "13:00");
	}

}
