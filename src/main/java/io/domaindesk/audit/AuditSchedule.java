package io.domaindesk.audit;

import io.domaindesk.infrastructure.TimeZoneSettings;

import java.time.LocalDate;
import java.time.ZoneId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The chain verification and the retention purge, each run by one instance at a time
 * (ShedLock). A broken chain is logged as an error besides being stored for the audit
 * page.
 */
@Component
class AuditSchedule {

	private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

	private final ChainVerifier verifier;

	private final AuditRetention retention;

	private final ZoneId zone;

	AuditSchedule(ChainVerifier verifier, AuditRetention retention, TimeZoneSettings zone) {
		this.verifier = verifier;
		this.retention = retention;
		this.zone = zone.timeZone();
	}

	@Scheduled(cron = "${domaindesk.audit.verify-cron:0 17 * * * *}")
	@SchedulerLock(name = "audit-verify", lockAtMostFor = "PT1H")
	void verify() {
		for (long chain : this.verifier.chains()) {
			ChainCheck check = this.verifier.verifyAndRecord(chain, null);
			if (!check.intact()) {
				log.error("Audit chain {} is broken at event {} (seq {}): {} expected {} found {}", chain,
						check.brokenEventId(), check.brokenSeq(), check.problem(), check.expected(), check.found());
			}
		}
	}

	@Scheduled(cron = "${domaindesk.audit.purge-cron:0 30 3 * * *}", zone = "${domaindesk.time-zone:Europe/Paris}")
	@SchedulerLock(name = "audit-purge", lockAtMostFor = "PT1H")
	void purge() {
		long removed = this.retention.purgeAll(LocalDate.now(this.zone));
		if (removed > 0) {
			log.info("Audit retention purge removed {} rows", removed);
		}
	}

}
