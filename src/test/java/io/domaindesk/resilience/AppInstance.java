package io.domaindesk.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.domaindesk.DomainDeskApplication;
import io.domaindesk.support.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real DomainDesk instance of its own (not the shared test context), on a random port
 * and the PostgreSQL the test names. Settings are passed as command-line arguments, so
 * they win over {@code application.properties} and the test profile.
 */
final class AppInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int port;

	private AppInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	static AppInstance start(String name, String jdbcUrl, String username, String password, Map<String, String> extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--domaindesk.embedded-postgres.enabled=false",
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
				"--spring.datasource.password=" + password, "--spring.datasource.hikari.pool-name=" + name,
				"--domaindesk.sync.on-startup=false", "--spring.jmx.enabled=false", "--spring.main.banner-mode=off"));
		extra.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DomainDeskApplication.class)
			.profiles("test")
			.run(args.toArray(String[]::new));
		return new AppInstance(context);
	}

	int port() {
		return this.port;
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Stops the instances that run (in the order given), then drops their database.
	 */
	static void stopAll(String database, AppInstance... instances) {
		try {
			for (AppInstance instance : instances) {
				if (instance != null) {
					instance.close();
				}
			}
		}
		finally {
			TestDatabase.get().dropDatabase(database);
		}
	}

}
