package io.domaindesk;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * DomainDesk: the back-office web agencies use for the domain names they run at OVHcloud.
 */
@SpringBootApplication
public class DomainDeskApplication {

	public static void main(String[] args) {
		// Pages show times in the agencies' zone (Paris unless DOMAINDESK_TIME_ZONE says
		// otherwise); the database
		// stores instants (timestamptz), so this changes what people read, never what is
		// stored.
		String zone = System.getenv("DOMAINDESK_TIME_ZONE");
		TimeZone.setDefault(TimeZone.getTimeZone((zone != null && !zone.isBlank()) ? zone : "Europe/Paris"));
		SpringApplication.run(DomainDeskApplication.class, args);
	}

}
