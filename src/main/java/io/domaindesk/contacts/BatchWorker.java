package io.domaindesk.contacts;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through a batch in the background, one domain at a time, at the pace of the
 * OVHcloud connection's rate limiter. One instance holds a batch at a time (a lease in
 * the database, renewed as it goes); if that instance stops, another takes over once the
 * lease runs out. A change caught mid-call by a stop is never sent again: it becomes
 * unknown and is settled by reading OVHcloud.
 */
@Component
class BatchWorker {

	private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);

	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final NicChangeBatchRepository batches;

	private final NicChangeRepository changes;

	private final SubmitNicChange submit;

	private final JdbcClient jdbc;

	private final TaskExecutor executor;

	private final TransactionTemplate transactions;

	private final Duration rateLimitPause;

	private volatile boolean stopping;

	BatchWorker(NicChangeBatchRepository batches, NicChangeRepository changes, SubmitNicChange submit, JdbcClient jdbc,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, TransactionTemplate transactions,
			NicChangeSettings settings) {
		this.rateLimitPause = settings.rateLimitPause();
		this.batches = batches;
		this.changes = changes;
		this.submit = submit;
		this.jdbc = jdbc;
		this.executor = executor;
		this.transactions = transactions;
	}

	void start(long batchId) {
		this.executor.execute(() -> work(batchId));
	}

	/** After a restart, running batches go on where they stopped. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeAfterStart() {
		resumeOrphans();
	}

	@Scheduled(fixedDelayString = "${domaindesk.nic-changes.batch-watch-interval:60s}", initialDelay = 60_000)
	@SchedulerLock(name = "nic-batch-watch", lockAtMostFor = "PT5M")
	void watch() {
		resumeOrphans();
	}

	private void resumeOrphans() {
		for (NicChangeBatch batch : this.batches.findByStatus(NicChangeBatch.RUNNING)) {
			if (leaseFree(batch.getId())) {
				start(batch.getId());
			}
		}
	}

	/** The application is closing: finish the change in hand, send no other. */
	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.stopping = true;
	}

	/**
	 * On a clean shutdown, hand this instance's batches back at once rather than making
	 * another instance wait for the lease to run out. A change caught mid-call stays
	 * SUBMITTING and is settled by reading OVHcloud.
	 */
	@PreDestroy
	void releaseAll() {
		this.stopping = true;
		this.jdbc.sql("update nic_change_batch set lease_until = null, leased_by = null where leased_by = :me")
			.param("me", this.instance)
			.update();
	}

	void work(long batchId) {
		if (!claim(batchId)) {
			return;
		}
		try {
			while (true) {
				NicChangeBatch batch = this.batches.findById(batchId).orElseThrow();
				if (!batch.isRunning() || this.stopping) {
					return;
				}
				Optional<NicChange> next = this.changes.findFirstByBatchIdAndStatusOrderByIdAsc(batchId,
						NicChangeStatus.PLANNED);
				if (next.isEmpty()) {
					this.transactions.executeWithoutResult(status -> this.batches.findById(batchId).ifPresent(b -> {
						b.finish();
						this.batches.save(b);
					}));
					return;
				}
				try {
					this.submit.submit(next.get().getId());
				}
				catch (SubmitNicChange.RetryLater ex) {
					// OVHcloud asked us to slow down; the client's own limiter slows too.
					Thread.sleep(this.rateLimitPause.toMillis());
				}
				if (!claim(batchId)) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("Batch {} stopped on an unexpected error; the watcher will resume it", batchId, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			release(batchId);
		}
	}

	/** Takes or renews the lease; false when another instance holds it. */
	private boolean claim(long batchId) {
		return this.jdbc.sql("""
				update nic_change_batch set leased_by = :me, lease_until = now() + interval '2 minutes'
				where id = :id and status = 'RUNNING'
				  and (lease_until is null or lease_until < now() or leased_by = :me)
				""").param("me", this.instance).param("id", batchId).update() == 1;
	}

	private boolean leaseFree(long batchId) {
		return this.jdbc.sql("""
				select count(*) from nic_change_batch
				where id = :id and (lease_until is null or lease_until < now())
				""").param("id", batchId).query(Long.class).single() == 1;
	}

	private void release(long batchId) {
		this.jdbc.sql("update nic_change_batch set lease_until = null where id = :id and leased_by = :me")
			.param("id", batchId)
			.param("me", this.instance)
			.update();
	}

}
