package io.domaindesk.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.domaindesk.agency.AgencyMembers;
import io.domaindesk.contacts.ContactNotices;
import io.domaindesk.trades.TradeNotices;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the staff member who started them of contact changes that still wait for
 * someone two days before OVHcloud lets them expire (counted from the task's own creation
 * date, not from when DomainDesk first saw it), and of trades that have waited a week for
 * the owners. Each reminder has its own message key: sent once, however often this runs.
 */
@Component
class Reminders {

	/** A contact change is reminded once it has this little time left. */
	static final Duration TASK_NOTICE = Duration.ofDays(2);

	static final Duration TRADE_WAIT = Duration.ofDays(7);

	private final ContactNotices contacts;

	private final TradeNotices trades;

	private final AgencyMembers members;

	private final NoticeSettings settings;

	private final MailRenderer renderer;

	private final Outbox outbox;

	private final MailSettings mail;

	Reminders(ContactNotices contacts, TradeNotices trades, AgencyMembers members, NoticeSettings settings,
			MailRenderer renderer, Outbox outbox, MailSettings mail) {
		this.contacts = contacts;
		this.trades = trades;
		this.members = members;
		this.settings = settings;
		this.renderer = renderer;
		this.outbox = outbox;
		this.mail = mail;
	}

	@Scheduled(cron = "${domaindesk.mail.reminders-cron:0 7 * * * *}")
	@SchedulerLock(name = "notifications-reminders", lockAtMostFor = "PT10M")
	void scheduled() {
		run(Instant.now());
	}

	/** Writes the reminders due at {@code now}; returns how many new ones. */
	int run(Instant now) {
		int written = 0;
		Instant windowStart = now.minus(ContactNotices.ANSWER_WINDOW);
		for (ContactNotices.WaitingTask task : this.contacts.waitingCreatedBetween(windowStart,
				windowStart.plus(TASK_NOTICE))) {
			written += remindTask(task) ? 1 : 0;
		}
		for (TradeNotices.WaitingTrade trade : this.trades.waitingForOwnersSince(now.minus(TRADE_WAIT))) {
			written += remindTrade(trade) ? 1 : 0;
		}
		return written;
	}

	private boolean remindTask(ContactNotices.WaitingTask task) {
		Optional<NoticeSettings.Settings> to = recipient(task.agencyId(), task.startedBy())
			.filter(NoticeSettings.Settings::taskReminders);
		if (to.isEmpty()) {
			return false;
		}
		Locale locale = to.get().language();
		MailRenderer.Rendered content = this.renderer.render("task-reminder", locale,
				Map.of("domain", task.domainName(), "roles", task.contactTypes(), "expires",
						this.renderer.dateTime(task.expiresAt(), locale), "link", this.mail.link("/nic-changes")),
				task.domainName());
		return this.outbox
			.write(new Outbox.Draft("task-reminder:" + task.ovhAccountId() + ":" + task.taskId(), task.agencyId(),
					MessageKind.TASK_REMINDER, to.get().email(), locale, content, null))
			.isPresent();
	}

	private boolean remindTrade(TradeNotices.WaitingTrade trade) {
		Optional<NoticeSettings.Settings> to = recipient(trade.agencyId(), trade.createdBy())
			.filter(NoticeSettings.Settings::tradeReminders);
		if (to.isEmpty()) {
			return false;
		}
		Locale locale = to.get().language();
		MailRenderer.Rendered content = this.renderer.render("trade-reminder", locale,
				Map.of("domain", trade.domainName(), "since",
						this.renderer.dateTime(trade.waitingSince().toInstant(), locale), "link",
						this.mail.link("/trades/" + trade.id())),
				trade.domainName());
		return this.outbox
			.write(new Outbox.Draft("trade-reminder:" + trade.id(), trade.agencyId(), MessageKind.TRADE_REMINDER,
					to.get().email(), locale, content, null))
			.isPresent();
	}

	private Optional<NoticeSettings.Settings> recipient(long agencyId, String username) {
		return this.members.enabled(agencyId, username)
			.map((member) -> this.settings.of(member.id()))
			.filter(NoticeSettings.Settings::reachable);
	}

}
