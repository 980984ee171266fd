package io.domaindesk.infrastructure;

import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The zone becomes the JVM default before any bean formats a date, and a zone that does
 * not exist stops the start naming the property.
 */
class TimeZoneSettingsTests {

	@Test
	void theSettingBecomesTheJvmDefault() {
		TimeZone before = TimeZone.getDefault();
		try {
			prepared(Map.of("domaindesk.time-zone", "Pacific/Auckland"));
			assertThat(TimeZone.getDefault().getID()).isEqualTo("Pacific/Auckland");
			prepared(Map.of());
			assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Paris");
		}
		finally {
			TimeZone.setDefault(before);
		}
	}

	@Test
	void anUnknownZoneIsRefusedByName() {
		TimeZone before = TimeZone.getDefault();
		try {
			assertThatException().isThrownBy(() -> prepared(Map.of("domaindesk.time-zone", "Europe/Atlantis")))
				.withStackTraceContaining("domaindesk.time-zone");
		}
		finally {
			TimeZone.setDefault(before);
		}
	}

	private static void prepared(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new TimeZoneSettings.AsJvmDefault().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
				new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
	}

}
