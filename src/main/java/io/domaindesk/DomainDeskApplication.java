package io.domaindesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * DomainDesk: the back-office web agencies use for the domain names they run at OVHcloud.
 */
@SpringBootApplication
// Every module's settings record (validated, named after its prefix) is found here.
@ConfigurationPropertiesScan
public class DomainDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(DomainDeskApplication.class, args);
	}

}
