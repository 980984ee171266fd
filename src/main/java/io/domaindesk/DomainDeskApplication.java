package io.domaindesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * DomainDesk: the back-office web agencies use for the domain names they run at OVHcloud.
 */
@SpringBootApplication
public class DomainDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(DomainDeskApplication.class, args);
	}

}
