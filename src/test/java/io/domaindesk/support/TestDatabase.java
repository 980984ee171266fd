package io.domaindesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL per test JVM: a Testcontainers container when Docker runs, an
 * embedded server otherwise (our CI machines have no Docker engine). Never H2: the
 * migrations, jsonb, triggers and locks must be the real thing. Set
 * {@code -Ddomaindesk.test.database=embedded|docker} to force one.
 */
public final class TestDatabase {

	private static Server server;

	private TestDatabase() {
	}

	public static synchronized Server get() {
		if (server == null) {
			server = start();
			// After the test contexts have closed (their beans still use the database
			// while
			// closing), not in a JVM shutdown hook of its own that would run alongside.
			SpringApplication.getShutdownHandlers().add(server::close);
		}
		return server;
	}

	private static Server start() {
		String choice = System.getProperty("domaindesk.test.database", "auto");
		if (choice.equals("docker") || (choice.equals("auto") && dockerAvailable())) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					container::stop);
		}
		try {
			Path data = Files.createTempDirectory("domaindesk-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(true)
				// Stopped by Spring's shutdown handlers instead (see get()).
				.setRegisterShutdownHook(false)
				// Tests favour speed over durability.
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "200")
				.start();
			return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", () -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {
		// Asking Testcontainers on a machine without any Docker socket only produces
		// noisy errors.
		if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(Path.of("/var/run/docker.sock"))
				&& !java.nio.file.Files
					.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/** A running server; {@link #createDatabase} gives a test a database of its own. */
	public record Server(String jdbcUrl, String username, String password, Runnable stopper) {

		void close() {
			this.stopper.run();
		}

		/**
		 * A new, empty database on the same server, for tests that need a blank slate
		 * (migrations).
		 */
		public String createDatabase(String name) {
			try (Connection connection = java.sql.DriverManager.getConnection(this.jdbcUrl, this.username,
					this.password); Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			int slash = this.jdbcUrl.lastIndexOf('/');
			int query = this.jdbcUrl.indexOf('?', slash);
			return this.jdbcUrl.substring(0, slash + 1) + name + ((query >= 0) ? this.jdbcUrl.substring(query) : "");
		}

		/**
		 * Drops a database made by {@link #createDatabase}, whoever is still connected.
		 */
		public void dropDatabase(String name) {
			try (Connection connection = java.sql.DriverManager.getConnection(this.jdbcUrl, this.username,
					this.password); Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
