package io.domaindesk.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local demo runs on a real PostgreSQL that needs nothing installed: the binaries
 * come from Maven Central and the data directory is kept between runs, so a restart keeps
 * what the user did.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "domaindesk.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresSettings settings) throws IOException {
		Path dataDirectory = settings.dataDirectory();
		int port = settings.port();
		Files.createDirectories(dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false);
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory.toAbsolutePath());
		return postgres;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		return pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
	}

	static HikariDataSource pooled(String url, String username, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(username);
		config.setPassword(password);
		config.setMaximumPoolSize(10);
		config.setPoolName("domaindesk");
		return new HikariDataSource(config);
	}

}
