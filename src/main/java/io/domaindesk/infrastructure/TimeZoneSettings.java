package io.domaindesk.infrastructure;

import java.time.ZoneId;
import java.util.TimeZone;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationListener;
import org.springframework.validation.annotation.Validated;

/**
 * {@code domaindesk.time-zone} ({@code DOMAINDESK_TIME_ZONE}): the agencies' zone. Pages
 * show times in it, month-based reports and retention cut at its midnight. The database
 * stores instants ({@code timestamptz}), so this changes what people read, never what is
 * stored. The one place the zone is read: every module takes it from here.
 *
 * @param timeZone a region id such as {@code Europe/Paris}
 */
@ConfigurationProperties("domaindesk")
@Validated
public record TimeZoneSettings(@NotNull @DefaultValue("Europe/Paris") ZoneId timeZone) {

	static final String PROPERTY = "domaindesk.time-zone";

	/**
	 * Makes the zone the JVM default as soon as the settings are known, before any bean
	 * formats a date: Thymeleaf's {@code #temporals} and the log read the default. A zone
	 * that does not exist stops the start naming {@value #PROPERTY}.
	 */
	public static class AsJvmDefault implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			TimeZoneSettings settings = Binder.get(event.getEnvironment())
				.bindOrCreate("domaindesk", Bindable.of(TimeZoneSettings.class));
			TimeZone.setDefault(TimeZone.getTimeZone(settings.timeZone()));
		}

	}

}
