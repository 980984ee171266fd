package io.domaindesk.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.domaindesk.support.BrowserSession;
import io.domaindesk.support.IntegrationTest;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page reads the user's session from PostgreSQL once and saves it once, however long
 * the page: before {@link WholePageBuffer}, a page sent before the request ended (any
 * list: Thymeleaf flushes its writer) made Spring Session save the session then, and read
 * it again at the end of the request. Counted in the statements the JDBC template logs.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WholePageBufferTests {

	/** Spring Session's read of one session by its id. */
	private static final Pattern SESSION_READ = Pattern.compile("FROM SPRING_SESSION S\\s+LEFT JOIN");

	private static final Pattern SESSION_SAVE = Pattern.compile("UPDATE SPRING_SESSION\\s+SET");

	private static final String JDBC_LOGGER = "org.springframework.jdbc.core.JdbcTemplate";

	@LocalServerPort
	int port;

	@Test
	void aListPageReadsAndSavesTheSessionOnceAndArrivesWhole(CapturedOutput output) {
		BrowserSession bob = BrowserSession.loggedIn(this.port, "bob", "demo-password");
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(JDBC_LOGGER, LogLevel.DEBUG);
		try {
			// 13 KB, 11 KB and 96 KB: over Tomcat's 8 KB, under the page buffer.
			for (String page : List.of("/clients", "/nic-changes?state=all", "/domains?size=100")) {
				int before = output.getOut().length();
				HttpResponse<String> response = bob.get(page);
				String logged = output.getOut().substring(before);
				assertThat(response.statusCode()).as(page).isEqualTo(200);
				assertThat(response.body()).as(page).contains("</html>");
				assertThat(count(SESSION_READ, logged)).as("session reads of %s", page).isEqualTo(1);
				assertThat(count(SESSION_SAVE, logged)).as("session saves of %s", page).isEqualTo(1);
			}
		}
		finally {
			logging.setLogLevel(JDBC_LOGGER, null);
		}
	}

	private static int count(Pattern pattern, String text) {
		int n = 0;
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			n++;
		}
		return n;
	}

}
