package io.domaindesk.notifications;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's language and notices. A user who never chose has French and every notice
 * on, but no address: nothing can reach them until they give one on {@code /account}.
 */
@Component
class NoticeSettings {

	private final JdbcClient jdbc;

	NoticeSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Settings of(long userId) {
		return this.jdbc.sql("""
				select user_id, email, locale, weekly_digest, task_reminders, trade_reminders
				from notice_settings where user_id = :u
				""").param("u", userId).query(Settings.class).optional().orElseGet(() -> Settings.defaults(userId));
	}

	Map<Long, Settings> of(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Settings> found = this.jdbc.sql("""
				select user_id, email, locale, weekly_digest, task_reminders, trade_reminders
				from notice_settings where user_id in (:u)
				""")
			.param("u", List.copyOf(userIds))
			.query(Settings.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Settings::userId, Function.identity()));
		return userIds.stream()
			.collect(Collectors.toMap(Function.identity(), (id) -> found.getOrDefault(id, Settings.defaults(id)),
					(a, b) -> a));
	}

	@Transactional
	void save(Settings settings) {
		this.jdbc.sql("""
				insert into notice_settings (user_id, email, locale, weekly_digest, task_reminders, trade_reminders)
				values (:u, :email, :locale, :digest, :tasks, :trades)
				on conflict (user_id) do update set email = excluded.email, locale = excluded.locale,
				    weekly_digest = excluded.weekly_digest, task_reminders = excluded.task_reminders,
				    trade_reminders = excluded.trade_reminders, updated_at = now()
				""")
			.param("u", settings.userId())
			.param("email", settings.email())
			.param("locale", settings.locale())
			.param("digest", settings.weeklyDigest())
			.param("tasks", settings.taskReminders())
			.param("trades", settings.tradeReminders())
			.update();
	}

	/** Gives an address to the users who have none yet (the local demo's users). */
	@Transactional
	void addressIfMissing(long userId, String email) {
		this.jdbc.sql("""
				insert into notice_settings (user_id, email) values (:u, :email)
				on conflict (user_id) do update set email = excluded.email where notice_settings.email is null
				""").param("u", userId).param("email", email).update();
	}

	record Settings(long userId, String email, String locale, boolean weeklyDigest, boolean taskReminders,
			boolean tradeReminders) {

		static Settings defaults(long userId) {
			return new Settings(userId, null, "fr", true, true, true);
		}

		Locale language() {
			return Languages.of(this.locale);
		}

		boolean reachable() {
			return this.email != null && !this.email.isBlank();
		}

	}

}
