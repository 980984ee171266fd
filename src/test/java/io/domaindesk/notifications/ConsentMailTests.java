package io.domaindesk.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.domaindesk.clients.ConsentRequested;
import io.domaindesk.support.IntegrationTest;
import io.domaindesk.support.TestMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consent request published by the clients module arrives over SMTP, in the owner's
 * language, with its link; handed over twice (as after a restart), it is still sent once.
 */
@IntegrationTest
class ConsentMailTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aConsentRequestIsDeliveredOnceInTheOwnersLanguageWithItsLink() {
		long agency = this.jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		String address = "owner-" + UUID.randomUUID() + "@client.test";
		URI link = URI.create("http://localhost:8080/consent/tok-" + UUID.randomUUID());
		ConsentRequested event = new ConsentRequested(UUID.randomUUID(), agency, "Agence Exemple", "café.fr", address,
				"Élise Durand", Locale.FRENCH, link, Instant.parse("2026-12-08T10:00:00Z"), false);

		publish(event);
		MimeMessage message = TestMail.latestTo(address);
		assertThat(TestMail.subject(message)).isEqualTo("Agence Exemple vous demande votre accord pour café.fr");
		assertThat(TestMail.text(message)).contains("Bonjour Élise Durand,", "café.fr");
		assertThat(TestMail.link(message, "/consent/")).isEqualTo(link.toString());
		assertThat(TestMail.html(message)).contains("href=\"" + link + "\"", "lang=\"fr\"");

		// The same event handed over again (a resubmission after a restart): nothing new.
		publish(event);
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> TestMail.to(address).size() == 1);
		// Delivered: the link is gone from the stored copy and from the registry.
		assertThat(this.jdbc.sql("select text_body from outgoing_message where recipient = :r")
			.param("r", address)
			.query(String.class)
			.single()).doesNotContain(link.toString());
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.jdbc.sql("select count(*) from event_publication where serialized_event like :l")
				.param("l", "%" + link + "%")
				.query(Long.class)
				.single() == 0);
	}

	@Test
	void aReminderInEnglish() {
		long agency = this.jdbc.sql("select id from agency where name = 'Agence Exemple'").query(Long.class).single();
		String address = "owner-" + UUID.randomUUID() + "@client.test";
		URI link = URI.create("http://localhost:8080/consent/tok-" + UUID.randomUUID());
		publish(new ConsentRequested(UUID.randomUUID(), agency, "Agence Exemple", "example.com", address, "John Smith",
				Locale.UK, link, Instant.now().plus(Duration.ofDays(5)), true));
		MimeMessage message = TestMail.latestTo(address);
		assertThat(TestMail.subject(message)).isEqualTo("Agence Exemple asks for your agreement about example.com");
		assertThat(TestMail.text(message)).contains("Hello John Smith,", "Reminder:");
		assertThat(TestMail.link(message, "/consent/")).isEqualTo(link.toString());
	}

	private void publish(ConsentRequested event) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(event));
	}

}
