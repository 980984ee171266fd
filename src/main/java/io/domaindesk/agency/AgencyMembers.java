package io.domaindesk.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users of an agency as other modules may read them (notifications: who gets a
 * digest, who started a task).
 */
@Component
public class AgencyMembers {

	private final JdbcClient jdbc;

	AgencyMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The agency's enabled users. */
	public List<Member> enabledOf(long agencyId) {
		return this.jdbc.sql("""
				select id, agency_id, username, display_name, role from app_user
				where agency_id = :a and enabled order by username
				""").param("a", agencyId).query(Member.class).list();
	}

	/** An enabled user of this agency by login name. */
	public Optional<Member> enabled(long agencyId, String username) {
		return this.jdbc.sql("""
				select id, agency_id, username, display_name, role from app_user
				where agency_id = :a and username = :u and enabled
				""").param("a", agencyId).param("u", username).query(Member.class).optional();
	}

	/** Every enabled user of every agency, platform admins excluded. */
	public List<Member> allEnabled() {
		return this.jdbc.sql("""
				select id, agency_id, username, display_name, role from app_user
				where agency_id is not null and enabled order by agency_id, username
				""").query(Member.class).list();
	}

	public record Member(long id, Long agencyId, String username, String displayName, Role role) {
	}

}
