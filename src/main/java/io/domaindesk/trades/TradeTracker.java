package io.domaindesk.trades;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.Cart;
import io.domaindesk.ovh.DomainTask;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhDomainsApi;
import io.domaindesk.ovh.OvhException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows every trade after its checkout: the order's status and the domain's
 * {@code DomainTrade} task until both owners have confirmed (or OVHcloud cancels it after
 * 14 days); shows the new owner in the inventory when it is done. It also settles
 * checkouts whose outcome is unknown, by reading the cart (checked out or not) and the
 * domain's tasks — never by checking out again.
 */
@Component
class TradeTracker {

	private static final Logger log = LoggerFactory.getLogger(TradeTracker.class);

	static final String TASK_FUNCTION = "DomainTrade";

	/** A checkout intent older than this was interrupted (the instance died). */
	static final Duration STALE_INTENT = Duration.ofMinutes(10);

	/**
	 * An unknown checkout whose cart is still open after this long did not happen: the
	 * request never reached the order system.
	 */
	static final Duration UNKNOWN_GRACE = Duration.ofMinutes(2);

	/** Tasks created a little before our checkout still count: clocks differ. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final TradeRepository trades;

	private final TradeConnections connections;

	private final TradeHistory history;

	private final CheckoutTrade checkout;

	private final Inventory inventory;

	private final TransactionTemplate transactions;

	TradeTracker(TradeRepository trades, TradeConnections connections, TradeHistory history, CheckoutTrade checkout,
			Inventory inventory, TransactionTemplate transactions) {
		this.trades = trades;
		this.connections = connections;
		this.history = history;
		this.checkout = checkout;
		this.inventory = inventory;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${domaindesk.trades.poll-interval:120s}",
			initialDelayString = "${domaindesk.trades.poll-initial-delay:${domaindesk.nic-changes.poll-initial-delay:45s}}")
	@SchedulerLock(name = "trade-poll", lockAtMostFor = "PT10M")
	void pollAll() {
		for (Trade trade : this.trades.findByStatusIn(TradeStatus.TRACKED)) {
			try {
				follow(trade.getId());
			}
			catch (OvhException | IllegalStateException ex) {
				log.warn("Following trade {} failed: {}", trade.getId(), ex.getMessage());
			}
		}
	}

	/** Every followed trade of one agency (the "refresh" button). */
	void poll(long agencyId) {
		for (Trade trade : this.trades.findByStatusIn(TradeStatus.TRACKED)) {
			if (trade.getAgencyId() == agencyId) {
				follow(trade.getId());
			}
		}
	}

	/** One reading for one trade; returns it as it now stands. */
	Trade follow(long tradeId) {
		Trade trade = this.trades.findById(tradeId).orElseThrow();
		Instant now = Instant.now();
		switch (trade.getStatus()) {
			case CHECKING_OUT -> {
				if (trade.getCheckoutStartedAt() != null
						&& trade.getCheckoutStartedAt().isBefore(now.minus(STALE_INTENT))) {
					this.transactions.executeWithoutResult(status -> {
						Trade locked = this.trades.lock(tradeId).orElseThrow();
						if (locked.getStatus() == TradeStatus.CHECKING_OUT) {
							locked.checkoutUnknown("Interrupted while calling OVHcloud");
							this.history.record(locked, "checkout", AuditOutcome.UNKNOWN,
									"Interrupted while calling OVHcloud", null);
						}
					});
				}
			}
			case UNKNOWN -> reconcile(trade, now);
			case ORDERED, IN_PROGRESS -> track(trade);
			default -> {
			}
		}
		return this.trades.findById(tradeId).orElseThrow();
	}

	/**
	 * The cart tells whether the checkout happened: a checked-out cart is read-only (or
	 * gone at OVHcloud once ordered); the domain's new {@code DomainTrade} task confirms.
	 */
	private void reconcile(Trade trade, Instant now) {
		OvhClient client = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId());
		Boolean checkedOut;
		try {
			Cart cart = client.orders().cart(trade.getCartId());
			checkedOut = Boolean.TRUE.equals(cart.readOnly()) ? Boolean.TRUE : null;
		}
		catch (OvhException.NotFound ex) {
			checkedOut = null;
		}
		DomainTask task = findTask(client, trade);
		boolean old = trade.getCheckoutStartedAt() == null
				|| trade.getCheckoutStartedAt().isBefore(now.minus(UNKNOWN_GRACE));
		if (Boolean.TRUE.equals(checkedOut) || task != null) {
			String detail = "Reconciled: " + ((task != null) ? "task " + task.id() + " found" : "cart checked out");
			this.transactions.executeWithoutResult(status -> {
				this.checkout.ordered(trade.getId(), null, null, detail);
				if (task != null) {
					applyTask(trade.getId(), task);
				}
			});
		}
		else if (old) {
			this.transactions.executeWithoutResult(status -> {
				Trade locked = this.trades.lock(trade.getId()).orElseThrow();
				if (locked.getStatus() != TradeStatus.UNKNOWN) {
					return;
				}
				String message = "OVHcloud shows no order for cart " + locked.getCartId()
						+ ": the checkout did not happen. Nothing was bought.";
				locked.checkoutRefused(message, null);
				this.history.record(locked, "checkout", AuditOutcome.FAILURE, "Reconciled: " + message, null);
			});
		}
	}

	private void track(Trade trade) {
		OvhClient client = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId());
		if (trade.getOrderId() != null) {
			String orderStatus = client.orders().orderStatus(trade.getOrderId()).value();
			if (!Objects.equals(orderStatus, trade.getOrderStatus())) {
				this.transactions.executeWithoutResult(status -> {
					Trade locked = this.trades.lock(trade.getId()).orElseThrow();
					locked.orderStatus(orderStatus);
					this.history.info(locked, "order.status", orderStatus);
				});
			}
		}
		DomainTask task = (trade.getTaskId() != null) ? client.domains().task(trade.getDomainName(), trade.getTaskId())
				: findTask(client, trade);
		if (task != null) {
			this.transactions.executeWithoutResult(status -> applyTask(trade.getId(), task));
		}
	}

	private void applyTask(long tradeId, DomainTask task) {
		Trade trade = this.trades.lock(tradeId).orElseThrow();
		String before = trade.getTaskStatus();
		boolean first = trade.getTaskId() == null;
		trade.task(task);
		String now = trade.getTaskStatus();
		if (first) {
			this.history.info(trade, "task.found", "Task " + task.id() + " " + now);
		}
		else if (!Objects.equals(before, now)) {
			this.history.record(trade, "task." + now,
					"cancelled".equals(now) || "error".equals(now) || "problem".equals(now) ? AuditOutcome.FAILURE
							: AuditOutcome.SUCCESS,
					task.comment(), null);
		}
		if (trade.getStatus() == TradeStatus.DONE) {
			this.inventory.changeCompleted(trade.getAgencyId(), trade.getDomainName(), "owner",
					trade.getNewOwnerContactId());
			this.inventory.pendingOperations(trade.getAgencyId(), trade.getDomainName(), -1);
		}
		else if (trade.getStatus() == TradeStatus.FAILED) {
			this.inventory.pendingOperations(trade.getAgencyId(), trade.getDomainName(), -1);
		}
	}

	/**
	 * The domain's newest {@code DomainTrade} task created since our checkout that no
	 * other trade of ours already follows.
	 */
	private DomainTask findTask(OvhClient client, Trade trade) {
		Set<Long> taken = this.trades
			.findByAgencyIdAndDomainNameOrderByIdDesc(trade.getAgencyId(), trade.getDomainName())
			.stream()
			.filter(t -> !t.getId().equals(trade.getId()) && t.getTaskId() != null)
			.map(Trade::getTaskId)
			.collect(Collectors.toSet());
		Instant since = (trade.getCheckoutStartedAt() != null) ? trade.getCheckoutStartedAt().minus(CLOCK_SKEW)
				: trade.getCreatedAt();
		List<DomainTask> tasks = client.domains()
			.tasks(trade.getDomainName(), OvhDomainsApi.TaskFilter.function(TASK_FUNCTION));
		return tasks.stream()
			.filter(t -> TASK_FUNCTION.equals(t.function()))
			.filter(t -> !taken.contains(t.id()))
			.filter(t -> t.creationDate() == null || !t.creationDate().toInstant().isBefore(since))
			.max(Comparator.comparing(DomainTask::id))
			.orElse(null);
	}

}
