package io.domaindesk.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import io.domaindesk.infrastructure.TimeZoneSettings;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a message from its two Thymeleaf templates ({@code name.html} and
 * {@code name.txt} under {@code templates/notifications/mail/}) in the recipient's
 * language. Engines of its own: the web's engine renders pages, in HTML mode only.
 */
@Component
class MailRenderer {

	private static final String PREFIX = "templates/notifications/mail/";

	private final SpringTemplateEngine html;

	private final SpringTemplateEngine text;

	private final MessageSource messages;

	private final ZoneId zone;

	MailRenderer(MessageSource messages, TimeZoneSettings zone) {
		this.messages = messages;
		this.zone = zone.timeZone();
		this.html = engine(".html", TemplateMode.HTML, messages);
		this.text = engine(".txt", TemplateMode.TEXT, messages);
	}

	private static SpringTemplateEngine engine(String suffix, TemplateMode mode, MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix(PREFIX);
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	/**
	 * The subject ({@code mail.<template>.subject} with {@code subjectArgs}) and both
	 * bodies.
	 */
	Rendered render(String template, Locale locale, Map<String, Object> variables, Object... subjectArgs) {
		Context context = new Context(locale, variables);
		String subject = this.messages.getMessage("mail." + template + ".subject", subjectArgs, locale);
		return new Rendered(subject, this.text.process(template, context).strip() + "\n",
				this.html.process(template, context));
	}

	/**
	 * A date and time as messages write it: long date, short time, in the recipient's
	 * language and the agencies' zone ({@code domaindesk.time-zone}).
	 */
	String dateTime(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(this.zone)
			.format(instant);
	}

	/** A message as it will be delivered. */
	record Rendered(String subject, String text, String html) {
	}

}
