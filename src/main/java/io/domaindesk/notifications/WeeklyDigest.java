package io.domaindesk.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.domaindesk.agency.AgencyMembers;
import io.domaindesk.contacts.ContactNotices;
import io.domaindesk.domains.DomainNotices;
import io.domaindesk.trades.TradeNotices;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a week, each user of an agency who wants it gets the agency's digest: domains
 * expiring within 60 days, operations in progress, changes made outside DomainDesk and
 * batches that ended with failures over the last 7 days. One message per user and ISO
 * week: a second run in the same week writes nothing.
 */
@Component
class WeeklyDigest {

	static final Duration EXPIRY_HORIZON = Duration.ofDays(60);

	static final Duration WEEK = Duration.ofDays(7);

	/** Lists in the message stop here; the counts stay exact. */
	static final int LIST_LIMIT = 20;

	private final DomainNotices domains;

	private final ContactNotices contacts;

	private final TradeNotices trades;

	private final AgencyMembers members;

	private final NoticeSettings settings;

	private final MailRenderer renderer;

	private final Outbox outbox;

	private final MailSettings mail;

	WeeklyDigest(DomainNotices domains, ContactNotices contacts, TradeNotices trades, AgencyMembers members,
			NoticeSettings settings, MailRenderer renderer, Outbox outbox, MailSettings mail) {
		this.domains = domains;
		this.contacts = contacts;
		this.trades = trades;
		this.members = members;
		this.settings = settings;
		this.renderer = renderer;
		this.outbox = outbox;
		this.mail = mail;
	}

	@Scheduled(cron = "${domaindesk.mail.digest-cron:0 30 7 * * MON}")
	@SchedulerLock(name = "notifications-digest", lockAtMostFor = "PT30M")
	void scheduled() {
		run(Instant.now());
	}

	/** Writes this week's digests; returns how many new ones. */
	int run(Instant now) {
		Map<Long, List<AgencyMembers.Member>> byAgency = this.members.allEnabled()
			.stream()
			.collect(Collectors.groupingBy(AgencyMembers.Member::agencyId));
		int written = 0;
		for (Map.Entry<Long, List<AgencyMembers.Member>> agency : byAgency.entrySet()) {
			written += run(agency.getKey(), agency.getValue(), now);
		}
		return written;
	}

	int run(long agencyId, List<AgencyMembers.Member> users, Instant now) {
		Map<Long, NoticeSettings.Settings> wanted = this.settings
			.of(users.stream().map(AgencyMembers.Member::id).toList());
		List<AgencyMembers.Member> recipients = users.stream().filter((user) -> {
			NoticeSettings.Settings choice = wanted.get(user.id());
			return choice.weeklyDigest() && choice.reachable();
		}).toList();
		if (recipients.isEmpty()) {
			return 0;
		}
		Instant since = now.minus(WEEK);
		List<DomainNotices.Expiring> expiring = this.domains.expiringBefore(agencyId, now.plus(EXPIRY_HORIZON));
		List<String> pending = this.domains.withPendingOperations(agencyId);
		List<DomainNotices.Drift> drift = this.domains.driftSince(agencyId, since);
		List<ContactNotices.FailedBatch> batches = this.contacts.failedBatchesSince(agencyId, since);
		long openTrades = this.trades.openTrades(agencyId);
		LocalDate today = LocalDate.ofInstant(now, ZoneId.systemDefault());
		String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		int written = 0;
		for (AgencyMembers.Member user : recipients) {
			NoticeSettings.Settings choice = wanted.get(user.id());
			Locale locale = choice.language();
			Map<String, Object> model = new HashMap<>();
			model.put("name", user.displayName());
			model.put("expiring", expiring.stream().limit(LIST_LIMIT).toList());
			model.put("expiringCount", expiring.size());
			model.put("pending", pending.stream().limit(LIST_LIMIT).toList());
			model.put("pendingCount", pending.size());
			model.put("openTrades", openTrades);
			model.put("drift", drift.stream().limit(LIST_LIMIT).toList());
			model.put("driftCount", drift.size());
			model.put("batches", batches.stream().limit(LIST_LIMIT).toList());
			model.put("batchCount", batches.size());
			model.put("link", this.mail.link("/domains"));
			model.put("accountLink", this.mail.link("/account"));
			MailRenderer.Rendered content = this.renderer.render("digest", locale, model, week);
			written += this.outbox
				.write(new Outbox.Draft("digest:" + agencyId + ":" + user.id() + ":" + week, agencyId,
						MessageKind.WEEKLY_DIGEST, choice.email(), locale, content, null))
				.isPresent() ? 1 : 0;
		}
		return written;
	}

}
