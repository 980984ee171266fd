package io.domaindesk.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One in-process SMTP server (GreenMail) per test JVM, on a free loopback port: the
 * shared integration-test context delivers its mail there ({@link #sender()}, used by
 * {@link TestDatabaseConfiguration}), and an application started by a test gets it with
 * {@link #springMailArguments()}. Tests share it, so they read the messages sent to their
 * own addresses.
 */
public final class TestMail {

	private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	public static int port() {
		return server().getSmtp().getPort();
	}

	/**
	 * A sender pointed at the server, as Spring Boot builds one from
	 * {@code spring.mail.*}.
	 */
	public static JavaMailSenderImpl sender() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port());
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
		return sender;
	}

	/**
	 * The {@code spring.mail.*} settings of the server, for an application a test starts.
	 */
	public static java.util.Map<String, String> springMailArguments() {
		return java.util.Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(port()));
	}

	/** Every message delivered to {@code address} so far, oldest first. */
	public static List<MimeMessage> to(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter((message) -> isFor(message, address)).toList();
	}

	/** The latest message to {@code address}, waiting up to 20 seconds for one. */
	public static MimeMessage latestTo(String address) {
		return latestTo(address, Duration.ofSeconds(20));
	}

	public static MimeMessage latestTo(String address, Duration wait) {
		Awaitility.await().atMost(wait).pollInterval(Duration.ofMillis(100)).until(() -> !to(address).isEmpty());
		List<MimeMessage> messages = to(address);
		return messages.get(messages.size() - 1);
	}

	/** The first link of the message's text part that contains {@code containing}. */
	public static String link(MimeMessage message, String containing) {
		Matcher matcher = URL.matcher(text(message));
		while (matcher.find()) {
			if (matcher.group().contains(containing)) {
				return matcher.group();
			}
		}
		throw new AssertionError("No link containing '" + containing + "' in:\n" + text(message));
	}

	/**
	 * The latest message to {@code address} and its link containing {@code containing}.
	 */
	public static String latestLinkTo(String address, String containing) {
		return link(latestTo(address), containing);
	}

	/** The message's plain-text part. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain").orElseThrow(() -> new AssertionError("No text part"));
	}

	/** The message's HTML part. */
	public static String html(MimeMessage message) {
		return part(message, "text/html").orElseThrow(() -> new AssertionError("No HTML part"));
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<String> part(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return Optional.of((String) part.getContent());
			}
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					Optional<String> found = part(child, type);
					if (found.isPresent()) {
						return found;
					}
				}
			}
			return Optional.empty();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address)
						|| recipient.toString().toLowerCase().endsWith("<" + address.toLowerCase() + ">"));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
