package io.domaindesk.infrastructure;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code domaindesk.embedded-postgres.*}: the PostgreSQL of the local demo.
 *
 * @param enabled start it (off in {@code prod} and in tests, which bring their own)
 * @param dataDirectory where its data lives between runs
 * @param port 0 = any free port
 */
@ConfigurationProperties("domaindesk.embedded-postgres")
@Validated
record EmbeddedPostgresSettings(@DefaultValue("false") boolean enabled,
		@NotNull @DefaultValue(".domaindesk/pgdata") Path dataDirectory,
		@Min(0) @Max(65535) @DefaultValue("0") int port) {

}
