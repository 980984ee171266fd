package io.domaindesk.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When Flyway migrates as the schema owner and the application logs in as another role
 * (production, docs/audit.md), this grants that role what it needs after every migration,
 * new tables included: read and write its tables, but only read and append to the audit
 * trail, never touch the chain's anchors or Flyway's history, and purge only through
 * {@code audit_purge()}. With one role for both (the local demo) it does nothing.
 */
@Component
class ApplicationRoleGrants implements Callback {

	private final Environment environment;

	ApplicationRoleGrants(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public String getCallbackName() {
		return "domaindesk-application-role-grants";
	}

	@Override
	public void handle(Event event, Context context) {
		String role = this.environment.getProperty("spring.datasource.username", "");
		String history = this.environment.getProperty("spring.flyway.table", "flyway_schema_history");
		Connection connection = context.getConnection();
		try {
			if (role.isBlank() || role.equals(connection.getMetaData().getUserName())) {
				return;
			}
			if (!role.matches("[A-Za-z_][A-Za-z0-9_]{0,62}") || !history.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
				throw new IllegalStateException("The database role names must be plain identifiers: " + role);
			}
			String app = "\"" + role + "\"";
			try (Statement sql = connection.createStatement()) {
				for (String statement : List.of("grant usage on schema public to " + app,
						"grant select, insert, update, delete on all tables in schema public to " + app,
						"grant usage, select on all sequences in schema public to " + app,
						"revoke all on table " + history + " from " + app,
						// The trail: read and append, nothing else (triggers refuse the
						// rest for everyone; privileges stop it before them).
						"revoke update, delete, truncate on audit_event from " + app,
						"revoke insert, update, delete, truncate on audit_chain_anchor from " + app,
						"revoke update, delete, truncate on audit_chain_check from " + app,
						"revoke all on function audit_purge(bigint, timestamptz) from public",
						"grant execute on function audit_purge(bigint, timestamptz) to " + app)) {
					sql.execute(statement);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Granting the application's database role failed: " + ex.getMessage(), ex);
		}
	}

}
