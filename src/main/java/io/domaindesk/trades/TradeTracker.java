package io.domaindesk.trades;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import io.domaindesk.ovh.BillingOrder;
import io.domaindesk.ovh.Cart;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.DomainTask;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhDomainsApi;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.ovh.TaskStatus;

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

	/**
	 * How far before our checkout an order may be dated: OVHcloud's clock is not ours
	 * (the sandbox's runs minutes ahead on purpose).
	 */
	static final Duration ORDER_WINDOW = Duration.ofHours(1);

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

	/**
	 * Right after the checkout: whether the order waits for payment (one read of its
	 * status), so that the approver sees it at once; the task is left to the poll.
	 */
	Trade followPayment(long tradeId) {
		Trade trade = this.trades.findById(tradeId).orElseThrow();
		if (trade.getStatus() == TradeStatus.ORDERED && trade.getOrderId() != null) {
			OvhClient client = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId());
			String orderStatus = client.orders().orderStatus(trade.getOrderId()).value();
			if ("notPaid".equals(orderStatus)) {
				this.transactions.executeWithoutResult(status -> {
					Trade locked = this.trades.lock(tradeId).orElseThrow();
					locked.orderStatus(orderStatus);
					this.history.info(locked, "order.status", orderStatus);
				});
				payment(this.trades.findById(tradeId).orElseThrow(), orderStatus, Instant.now());
			}
		}
		return this.trades.findById(tradeId).orElseThrow();
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
			case ORDERED, AWAITING_PAYMENT, PAYING, IN_PROGRESS -> track(trade, now);
			default -> {
			}
		}
		return this.trades.findById(tradeId).orElseThrow();
	}

	/**
	 * Settles an unanswered checkout by reading: the cart (read-only once checked out,
	 * its description naming our trade), the account's orders placed since the checkout
	 * ({@code /me/order} filtered by date, matched on the order's lines for this domain),
	 * and the domain's new {@code DomainTrade} task.
	 */
	private void reconcile(Trade trade, Instant now) {
		OvhClient client = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId());
		Boolean checkedOut;
		try {
			Cart cart = client.orders().cart(trade.getCartId());
			boolean ours = cart.description() == null || cart.description().isEmpty()
					|| cart.description().equals(PrepareCart.description(trade.getId()));
			checkedOut = (ours && Boolean.TRUE.equals(cart.readOnly())) ? Boolean.TRUE : null;
		}
		catch (OvhException.NotFound ex) {
			checkedOut = null;
		}
		BillingOrder order = findOrder(client, trade, now);
		DomainTask task = findTask(client, trade);
		boolean old = trade.getCheckoutStartedAt() == null
				|| trade.getCheckoutStartedAt().isBefore(now.minus(UNKNOWN_GRACE));
		if (Boolean.TRUE.equals(checkedOut) || order != null || task != null) {
			String detail = "Reconciled: " + ((order != null) ? "order " + order.orderId() + " found"
					: (task != null) ? "task " + task.id() + " found" : "cart checked out");
			this.transactions.executeWithoutResult(status -> {
				this.checkout.ordered(trade.getId(), (order != null) ? order.orderId() : null,
						(order != null) ? order.url() : null, detail);
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

	/**
	 * The account's order placed since our checkout whose lines name this domain, that no
	 * other trade of ours already follows.
	 */
	private BillingOrder findOrder(OvhClient client, Trade trade, Instant now) {
		// OVHcloud dates orders by its own clock: the window opens wide and stays open.
		Instant since = (trade.getCheckoutStartedAt() != null) ? trade.getCheckoutStartedAt().minus(ORDER_WINDOW)
				: trade.getCreatedAt();
		Set<Long> taken = this.trades
			.findByAgencyIdAndDomainNameOrderByIdDesc(trade.getAgencyId(), trade.getDomainName())
			.stream()
			.filter(t -> !t.getId().equals(trade.getId()) && t.getOrderId() != null)
			.map(Trade::getOrderId)
			.collect(Collectors.toSet());
		List<Long> ids = client.payments().orderIds(since.atOffset(ZoneOffset.UTC), null);
		for (Long id : (ids != null) ? ids.stream().sorted(Comparator.reverseOrder()).toList() : List.<Long>of()) {
			if (taken.contains(id)) {
				continue;
			}
			boolean forThisDomain = client.payments()
				.orderDetails(id)
				.stream()
				.anyMatch(d -> d.domain() != null && d.domain().equalsIgnoreCase(trade.getDomainName()));
			if (forThisDomain) {
				return client.orders().order(id);
			}
		}
		return null;
	}

	/**
	 * An order's life after the checkout: {@code notPaid} waits for a payment, a payment
	 * seen (ours or made in the Control Panel) resumes it, a cancelled or vanished order
	 * ends the trade with the reason; then the {@code DomainTrade} task.
	 */
	private void track(Trade trade, Instant now) {
		OvhClient client = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId());
		if (trade.getOrderId() != null) {
			String orderStatus;
			try {
				orderStatus = client.orders().orderStatus(trade.getOrderId()).value();
			}
			catch (OvhException.NotFound ex) {
				end(trade.getId(), "OVHcloud no longer knows order " + trade.getOrderId() + " (404): "
						+ "the owner change will not happen. Start a new trade if needed.", ex.queryId());
				return;
			}
			if (!Objects.equals(orderStatus, trade.getOrderStatus())) {
				this.transactions.executeWithoutResult(status -> {
					Trade locked = this.trades.lock(trade.getId()).orElseThrow();
					locked.orderStatus(orderStatus);
					this.history.info(locked, "order.status", orderStatus);
				});
			}
			if (CANCELLED_ORDER.contains(orderStatus) && trade.getTaskId() == null) {
				end(trade.getId(), "OVHcloud cancelled order " + trade.getOrderId() + " (" + orderStatus
						+ "): the owner change will not happen. Start a new trade if needed.", null);
				return;
			}
			if (!payment(trade, orderStatus, now)) {
				return;
			}
		}
		DomainTask task = (trade.getTaskId() != null) ? client.domains().task(trade.getDomainName(), trade.getTaskId())
				: findTask(client, trade);
		if (task != null) {
			// Read before the transaction: no OVHcloud call may hold it open.
			Completion done = TaskStatus.DONE.equals(task.status())
					? completion(client, trade, completedOwner(client, trade)) : null;
			this.transactions.executeWithoutResult(status -> {
				applyTask(trade.getId(), task);
				Trade locked = this.trades.lock(trade.getId()).orElseThrow();
				if (locked.getStatus() == TradeStatus.DONE && done != null) {
					completed(locked, done);
				}
			});
			Trade after = this.trades.findById(trade.getId()).orElseThrow();
			if (!after.getStatus().isFinal() && CANCELLED_ORDER.contains(after.getOrderStatus())) {
				// The task outlived its order: the order's end is the trade's.
				end(trade.getId(), "OVHcloud cancelled order " + trade.getOrderId() + " (" + after.getOrderStatus()
						+ "): the owner change will not happen.", null);
			}
		}
		else if (trade.getStatus() == TradeStatus.ORDERED || trade.getStatus() == TradeStatus.IN_PROGRESS) {
			// No task to read (gone, or never listed): the owner itself may show the
			// change.
			String owner = ownerWithNewIdentity(client, trade);
			if (owner != null) {
				Completion done = completion(client, trade, owner);
				this.transactions.executeWithoutResult(status -> {
					Trade locked = this.trades.lock(trade.getId()).orElseThrow();
					locked.completedByOwner(owner);
					this.history.info(locked, "owner.found", "Contact " + owner
							+ " owns the domain with the new owner's identity: the owner change is done");
					completed(locked, done);
				});
			}
		}
	}

	/** Order statuses after which nothing will be delivered. */
	static final Set<String> CANCELLED_ORDER = Set.of("cancelled", "cancelling");

	/**
	 * Applies the order's payment state; false while the order waits for a payment (no
	 * task can exist yet).
	 */
	private boolean payment(Trade trade, String orderStatus, Instant now) {
		boolean notPaid = "notPaid".equals(orderStatus);
		TradeStatus status = trade.getStatus();
		if (notPaid && status == TradeStatus.ORDERED) {
			this.transactions.executeWithoutResult(tx -> {
				Trade locked = this.trades.lock(trade.getId()).orElseThrow();
				if (locked.getStatus() == TradeStatus.ORDERED) {
					locked.awaitingPayment();
					this.history.info(locked, "order.notPaid", "Order " + locked.getOrderId() + " waits for payment: "
							+ ((locked.getOrderUrl() != null) ? locked.getOrderUrl() : ""));
				}
			});
			return false;
		}
		if (notPaid && status == TradeStatus.PAYING) {
			// Our payment call got no answer: the order's status settles it, after a
			// grace.
			boolean old = trade.getPaymentStartedAt() == null
					|| trade.getPaymentStartedAt().isBefore(now.minus(UNKNOWN_GRACE));
			if (old) {
				this.transactions.executeWithoutResult(tx -> {
					Trade locked = this.trades.lock(trade.getId()).orElseThrow();
					if (locked.getStatus() == TradeStatus.PAYING) {
						String message = "OVHcloud still shows order " + locked.getOrderId()
								+ " unpaid: the payment did not happen. Nothing was charged.";
						locked.paymentRefused(message, null);
						this.history.record(locked, "pay", AuditOutcome.FAILURE, "Reconciled: " + message, null);
					}
				});
			}
			return false;
		}
		if (notPaid) {
			return status != TradeStatus.AWAITING_PAYMENT;
		}
		if (status == TradeStatus.AWAITING_PAYMENT || status == TradeStatus.PAYING) {
			this.transactions.executeWithoutResult(tx -> {
				Trade locked = this.trades.lock(trade.getId()).orElseThrow();
				if (locked.getStatus() == TradeStatus.AWAITING_PAYMENT || locked.getStatus() == TradeStatus.PAYING) {
					boolean ours = locked.getStatus() == TradeStatus.PAYING;
					locked.paid();
					this.history.record(locked, "pay", AuditOutcome.SUCCESS,
							(ours ? "Reconciled: " : "Paid outside DomainDesk: ") + "order " + locked.getOrderId()
									+ " is " + orderStatus,
							null);
				}
			});
		}
		return true;
	}

	private void end(long tradeId, String reason, String queryId) {
		this.transactions.executeWithoutResult(status -> {
			Trade locked = this.trades.lock(tradeId).orElseThrow();
			if (locked.getStatus().isFinal()) {
				return;
			}
			locked.orderFailed(reason);
			this.history.record(locked, "order.failed", AuditOutcome.FAILURE, reason, queryId);
			this.inventory.pendingOperations(locked.getAgencyId(), locked.getDomainName(), -1);
		});
	}

	/**
	 * Who owns the domain now that the task is done: the requested contact, or a copy
	 * OVHcloud made of it (same identity, another id).
	 */
	private String completedOwner(OvhClient client, Trade trade) {
		try {
			return client.domains().get(trade.getDomainName()).whoisOwner();
		}
		catch (OvhException ex) {
			log.warn("Reading the owner of {} after trade {} failed: {}", trade.getDomainName(), trade.getId(),
					ex.getMessage());
			return null;
		}
	}

	/**
	 * The domain's owner when it is not the former one and has the new owner's identity.
	 */
	private String ownerWithNewIdentity(OvhClient client, Trade trade) {
		String owner = client.domains().get(trade.getDomainName()).whoisOwner();
		if (owner == null || owner.equals(trade.getOldOwnerContactId()) || trade.getNewOwnerContactId() == null) {
			return null;
		}
		if (owner.equals(trade.getNewOwnerContactId())) {
			return owner;
		}
		return sameIdentity(client, owner, trade.getNewOwnerContactId()) ? owner : null;
	}

	private static boolean sameIdentity(OvhClient client, String a, String b) {
		try {
			return OwnerIdentity.of(client.contacts().domainContact(Long.parseLong(a)))
				.sameAs(OwnerIdentity.of(client.contacts().domainContact(Long.parseLong(b))));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * The owner OVHcloud set once the change is done, as read from OVHcloud: the
	 * requested contact or another one ({@code copy} when it has the requested identity),
	 * with the name the inventory shows.
	 */
	private record Completion(String owner, boolean copy, String name, String organisation) {

	}

	/** Reads what {@link #completed} records; outside any transaction. */
	private Completion completion(OvhClient client, Trade trade, String owner) {
		String actual = (owner != null) ? owner : trade.getNewOwnerContactId();
		boolean copy = !actual.equals(trade.getNewOwnerContactId())
				&& sameIdentity(client, actual, trade.getNewOwnerContactId());
		String name = trade.getNewOwnerName();
		String organisation = null;
		try {
			DomainContact contact = client.contacts().domainContact(Long.parseLong(actual));
			name = OwnerIdentity.displayName(contact);
			organisation = contact.organisationName();
		}
		catch (OvhException | NumberFormatException ex) {
			log.warn("Reading owner contact {} of {} failed: {}", actual, trade.getDomainName(), ex.getMessage());
		}
		return new Completion(actual, copy, name, organisation);
	}

	/**
	 * Records the owner OVHcloud set and shows it in the inventory at once, with its
	 * name: a copy of the requested contact (same identity) is the expected change, not
	 * drift.
	 */
	private void completed(Trade trade, Completion done) {
		if (!done.owner().equals(trade.getNewOwnerContactId())) {
			trade.ownerAfter(done.owner());
			this.history.record(trade, done.copy() ? "owner.copy" : "owner.unexpected",
					done.copy() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
					done.copy()
							? "OVHcloud gave the domain contact " + done.owner() + ", a copy of contact "
									+ trade.getNewOwnerContactId()
							: "The domain's owner is contact " + done.owner() + ", not the requested contact "
									+ trade.getNewOwnerContactId(),
					null);
		}
		this.inventory.ownerChanged(trade.getAgencyId(), trade.getDomainName(), trade.getNewOwnerContactId(),
				done.owner(), done.name(), done.organisation());
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
