package io.domaindesk.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In production the application must not be able to rewrite its own audit trail: it
 * refuses to start when its database user is a superuser, owns {@code audit_event}, or is
 * a member of the role that owns it (either could {@code DISABLE TRIGGER} or drop the
 * table). Checked once every bean, Flyway's migration included, is ready and before the
 * server or any job starts.
 */
@Component
@Profile("prod")
class DatabaseRoleCheck implements SmartInitializingSingleton {

	private final JdbcClient jdbc;

	DatabaseRoleCheck(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("DomainDesk refuses to start in profile 'prod': its database user "
					+ String.join("; ", problems) + ". Run the application as its own role and Flyway as the schema "
					+ "owner (SPRING_FLYWAY_USER), see README \"Production\" and docs/audit.md");
		}
	}

	List<String> problems() {
		Map<String, Object> row = this.jdbc.sql("""
				select current_user as who,
				       (select rolsuper from pg_roles where rolname = current_user) as superuser,
				       (select pg_get_userbyid(c.relowner) from pg_class c where c.oid = to_regclass('audit_event'))
				           as owner,
				       (select pg_has_role(current_user, c.relowner, 'MEMBER') from pg_class c
				        where c.oid = to_regclass('audit_event')) as member
				""").query().singleRow();
		List<String> problems = new ArrayList<>();
		String who = (String) row.get("who");
		if (Boolean.TRUE.equals(row.get("superuser"))) {
			problems.add("'" + who + "' is a superuser (it can disable the audit triggers)");
		}
		if (who.equals(row.get("owner"))) {
			problems.add("'" + who + "' owns audit_event (it can DISABLE TRIGGER and rewrite the trail)");
		}
		else if (Boolean.TRUE.equals(row.get("member"))) {
			problems.add("'" + who + "' is a member of audit_event's owner role '" + row.get("owner")
					+ "' (it can DISABLE TRIGGER and rewrite the trail)");
		}
		return problems;
	}

}
