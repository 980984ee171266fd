package io.domaindesk.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Points the application at the shared test PostgreSQL, and its outgoing mail at the
 * shared in-process SMTP server ({@link TestMail}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource() {
		TestDatabase.Server server = TestDatabase.get();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(server.username());
		config.setPassword(server.password());
		config.setMaximumPoolSize(8);
		config.setPoolName("domaindesk-test");
		return new HikariDataSource(config);
	}

	/** What Spring Boot builds from {@code spring.mail.*}, pointed at GreenMail. */
	@Bean
	JavaMailSenderImpl mailSender() {
		return TestMail.sender();
	}

}
