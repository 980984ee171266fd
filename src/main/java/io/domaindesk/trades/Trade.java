package io.domaindesk.trades;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.domaindesk.ovh.DomainTask;

/**
 * One owner change of one domain. It guards its own life: drafted with the price, given a
 * new owner and a priced cart (ready), submitted by staff, approved by an agency admin
 * (which commits the checkout intent), ordered, then followed through the
 * {@code DomainTrade} task until both owners confirm.
 */
@Entity
@Table(name = "trade")
public class Trade {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agency_id", nullable = false)
	private Long agencyId;

	@Column(name = "ovh_account_id", nullable = false)
	private Long ovhAccountId;

	@Column(name = "domain_name", nullable = false)
	private String domainName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TradeStatus status;

	@Column(name = "old_owner_contact_id")
	private String oldOwnerContactId;

	@Column(name = "old_owner_name")
	private String oldOwnerName;

	@Column(name = "new_owner_contact_id")
	private String newOwnerContactId;

	@Column(name = "new_owner_name")
	private String newOwnerName;

	@Column(name = "plan_code", nullable = false)
	private String planCode;

	@Column(name = "pricing_mode", nullable = false)
	private String pricingMode;

	@Column(name = "option_price")
	private String optionPrice;

	@Column(name = "cart_id")
	private String cartId;

	@Column(name = "cart_item_id")
	private Long cartItemId;

	@Column(name = "cart_expires_at")
	private Instant cartExpiresAt;

	@Column(name = "preview_json")
	private String previewJson;

	@Column(name = "order_id")
	private Long orderId;

	@Column(name = "order_url")
	private String orderUrl;

	@Column(name = "order_status")
	private String orderStatus;

	@Column(name = "task_id")
	private Long taskId;

	@Column(name = "task_status")
	private String taskStatus;

	@Column(name = "task_comment")
	private String taskComment;

	@Column(name = "task_created_at")
	private Instant taskCreatedAt;

	@Column(name = "task_can_accelerate", nullable = false)
	private boolean taskCanAccelerate;

	@Column(name = "task_can_cancel", nullable = false)
	private boolean taskCanCancel;

	@Column(name = "task_can_relaunch", nullable = false)
	private boolean taskCanRelaunch;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "submitted_by")
	private String submittedBy;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "approved_by")
	private String approvedBy;

	@Column(name = "approved_at")
	private Instant approvedAt;

	@Column(name = "checkout_started_at")
	private Instant checkoutStartedAt;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "last_query_id")
	private String lastQueryId;

	@Column(name = "payment_mean")
	private String paymentMean;

	@Column(name = "paid_by")
	private String paidBy;

	@Column(name = "payment_started_at")
	private Instant paymentStartedAt;

	@Column(name = "paid_at")
	private Instant paidAt;

	@Column(name = "owner_contact_id_after")
	private String ownerContactIdAfter;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	@Version
	private int version;

	protected Trade() {
	}

	Trade(long agencyId, long ovhAccountId, String domainName, String oldOwnerContactId, String oldOwnerName,
			String planCode, String pricingMode, String optionPrice, String createdBy) {
		this.agencyId = agencyId;
		this.ovhAccountId = ovhAccountId;
		this.domainName = domainName;
		this.oldOwnerContactId = oldOwnerContactId;
		this.oldOwnerName = oldOwnerName;
		this.planCode = planCode;
		this.pricingMode = pricingMode;
		this.optionPrice = optionPrice;
		this.createdBy = createdBy;
		this.status = TradeStatus.DRAFT;
	}

	void newOwner(String contactId, String name) {
		requireBeforeCheckout();
		this.newOwnerContactId = contactId;
		this.newOwnerName = name;
		// A new owner invalidates the priced cart and any submission made for the old
		// one.
		this.status = TradeStatus.DRAFT;
		this.cartId = null;
		this.cartItemId = null;
		this.previewJson = null;
		touch();
	}

	/** The dry run went through: the cart is priced and valid at OVHcloud. */
	void priced(String cartId, long itemId, Instant expires, String previewJson) {
		requireBeforeCheckout();
		if (this.newOwnerContactId == null) {
			throw new IllegalStateException("Trade " + this.id + " has no new owner");
		}
		this.cartId = cartId;
		this.cartItemId = itemId;
		this.cartExpiresAt = expires;
		this.previewJson = previewJson;
		if (this.status == TradeStatus.DRAFT) {
			this.status = TradeStatus.READY;
		}
		clearError();
		touch();
	}

	void submit(String by) {
		require(TradeStatus.READY);
		this.status = TradeStatus.AWAITING_APPROVAL;
		this.submittedBy = by;
		this.submittedAt = Instant.now();
		touch();
	}

	/**
	 * The approval and the checkout intent in one step: once this is committed, only a
	 * reading of OVHcloud may tell whether the order exists.
	 * @param fourEyes whether the one who started or submitted it is barred from
	 * approving
	 */
	void approve(String by, boolean fourEyes, boolean waiveRetractation, boolean autoPay) {
		require(TradeStatus.AWAITING_APPROVAL);
		if (fourEyes && preparedBy(by)) {
			throw new TradeRefused("trade.refused.fourEyes");
		}
		if (!waiveRetractation || !autoPay) {
			throw new TradeRefused("trade.refused.boxes");
		}
		this.status = TradeStatus.CHECKING_OUT;
		this.approvedBy = by;
		this.approvedAt = Instant.now();
		this.checkoutStartedAt = Instant.now();
		clearError();
		touch();
	}

	void ordered(Long orderId, String orderUrl) {
		if (this.status != TradeStatus.CHECKING_OUT && this.status != TradeStatus.UNKNOWN) {
			throw new IllegalStateException("Cannot mark " + this.status + " trade " + this.id + " as ordered");
		}
		this.status = TradeStatus.ORDERED;
		this.orderId = orderId;
		this.orderUrl = orderUrl;
		clearError();
		touch();
	}

	void checkoutUnknown(String message) {
		require(TradeStatus.CHECKING_OUT);
		this.status = TradeStatus.UNKNOWN;
		this.lastError = message;
		touch();
	}

	/**
	 * OVHcloud answered the checkout with a refusal (or a reading showed the checkout
	 * never happened): nothing was bought, the trade waits for a new approval.
	 */
	void checkoutRefused(String message, String queryId) {
		if (this.status != TradeStatus.CHECKING_OUT && this.status != TradeStatus.UNKNOWN) {
			throw new IllegalStateException("Cannot refuse the checkout of " + this.status + " trade " + this.id);
		}
		this.status = TradeStatus.AWAITING_APPROVAL;
		this.approvedBy = null;
		this.approvedAt = null;
		error(message, queryId);
	}

	/** The cart is gone without an order: a new dry run is needed. */
	void cartLost(String message) {
		if (this.status != TradeStatus.UNKNOWN && !TradeStatus.BEFORE_CHECKOUT.contains(this.status)) {
			throw new IllegalStateException("Cannot drop the cart of " + this.status + " trade " + this.id);
		}
		this.status = TradeStatus.DRAFT;
		this.cartId = null;
		this.cartItemId = null;
		this.previewJson = null;
		this.approvedBy = null;
		this.approvedAt = null;
		error(message, null);
	}

	void orderStatus(String status) {
		this.orderStatus = status;
		touch();
	}

	/** The order is {@code notPaid}: nothing happens at OVHcloud until it is paid. */
	void awaitingPayment() {
		if (this.status != TradeStatus.ORDERED) {
			throw new IllegalStateException("Trade " + this.id + " is " + this.status + ", not ORDERED");
		}
		this.status = TradeStatus.AWAITING_PAYMENT;
		touch();
	}

	/**
	 * The payment intent, committed before the one call that charges the order.
	 * @param fourEyes whether the submitter is barred from paying, as from approving
	 */
	void pay(String by, boolean fourEyes, String mean) {
		require(TradeStatus.AWAITING_PAYMENT);
		if (fourEyes && preparedBy(by)) {
			throw new TradeRefused("trade.refused.fourEyes");
		}
		this.status = TradeStatus.PAYING;
		this.paidBy = by;
		this.paymentMean = mean;
		this.paymentStartedAt = Instant.now();
		clearError();
		touch();
	}

	/**
	 * OVHcloud shows the order paid (by our call, or in the Control Panel): the owner
	 * change follows.
	 */
	void paid() {
		if (this.status != TradeStatus.PAYING && this.status != TradeStatus.AWAITING_PAYMENT) {
			throw new IllegalStateException("Cannot mark " + this.status + " trade " + this.id + " as paid");
		}
		this.status = TradeStatus.ORDERED;
		this.paidAt = Instant.now();
		clearError();
		touch();
	}

	/** The payment was refused, or a reading showed it never happened. */
	void paymentRefused(String message, String queryId) {
		require(TradeStatus.PAYING);
		this.status = TradeStatus.AWAITING_PAYMENT;
		this.paidBy = null;
		this.paymentMean = null;
		error(message, queryId);
	}

	/**
	 * OVHcloud cancelled the order, or no longer knows it: the owner change will not
	 * happen, and there is nothing left to poll.
	 */
	void orderFailed(String reason) {
		if (!TradeStatus.ORDER_PLACED.contains(this.status) && this.status != TradeStatus.UNKNOWN) {
			throw new IllegalStateException("Trade " + this.id + " is " + this.status + ", no order to end");
		}
		this.status = TradeStatus.FAILED;
		this.completedAt = Instant.now();
		this.lastError = reason;
		this.lastQueryId = null;
		this.taskCanAccelerate = false;
		this.taskCanCancel = false;
		this.taskCanRelaunch = false;
		touch();
	}

	/**
	 * The owner OVHcloud finally set: the requested contact, or a copy of it with another
	 * id.
	 */
	void ownerAfter(String contactId) {
		this.ownerContactIdAfter = contactId;
		touch();
	}

	/**
	 * No task was found but the domain's owner already has the new owner's identity: the
	 * owner change is done.
	 */
	void completedByOwner(String contactId) {
		if (this.status != TradeStatus.ORDERED && this.status != TradeStatus.IN_PROGRESS) {
			throw new IllegalStateException("Trade " + this.id + " is " + this.status + ", not followed");
		}
		this.status = TradeStatus.DONE;
		this.completedAt = Instant.now();
		this.ownerContactIdAfter = contactId;
		clearError();
		this.taskCanAccelerate = false;
		this.taskCanCancel = false;
		this.taskCanRelaunch = false;
		touch();
	}

	/** The latest reading of the {@code DomainTrade} task. */
	void task(DomainTask task) {
		if (this.status != TradeStatus.ORDERED && this.status != TradeStatus.IN_PROGRESS) {
			throw new IllegalStateException("Trade " + this.id + " is " + this.status + ", not followed");
		}
		this.taskId = task.id();
		this.taskStatus = (task.status() != null) ? task.status().value() : null;
		this.taskComment = task.comment();
		this.taskCreatedAt = (task.creationDate() != null) ? task.creationDate().toInstant() : this.taskCreatedAt;
		this.taskCanAccelerate = Boolean.TRUE.equals(task.canAccelerate());
		this.taskCanCancel = Boolean.TRUE.equals(task.canCancel());
		this.taskCanRelaunch = Boolean.TRUE.equals(task.canRelaunch());
		this.status = TradeStatus.IN_PROGRESS;
		if ("done".equals(this.taskStatus)) {
			this.status = TradeStatus.DONE;
			this.completedAt = Instant.now();
			clearError();
			this.taskCanAccelerate = false;
			this.taskCanCancel = false;
			this.taskCanRelaunch = false;
		}
		else if ("cancelled".equals(this.taskStatus)) {
			this.status = TradeStatus.FAILED;
			this.completedAt = Instant.now();
			this.lastError = task.comment();
			this.taskCanAccelerate = false;
			this.taskCanCancel = false;
			this.taskCanRelaunch = false;
		}
		touch();
	}

	void cancel() {
		requireBeforeCheckout();
		this.status = TradeStatus.CANCELLED;
		this.completedAt = Instant.now();
		// A cancelled trade has nothing left to fix: an older error would only mislead.
		clearError();
		touch();
	}

	void error(String message, String queryId) {
		this.lastError = message;
		this.lastQueryId = queryId;
		touch();
	}

	private void clearError() {
		this.lastError = null;
		this.lastQueryId = null;
	}

	private void requireBeforeCheckout() {
		if (!TradeStatus.BEFORE_CHECKOUT.contains(this.status)) {
			throw new TradeRefused("trade.refused.state");
		}
	}

	private void require(TradeStatus expected) {
		if (this.status != expected) {
			throw new TradeRefused("trade.refused.state");
		}
	}

	private void touch() {
		this.updatedAt = Instant.now();
	}

	/**
	 * Four eyes means two people: whoever started the trade or submitted it is the first
	 * pair, so neither may approve it.
	 */
	boolean preparedBy(String username) {
		return username.equals(this.createdBy) || username.equals(this.submittedBy);
	}

	/** The four-eyes rule for the payment, as the page needs it. */
	public boolean payableBy(String username, boolean fourEyes) {
		return this.status == TradeStatus.AWAITING_PAYMENT && !(fourEyes && preparedBy(username));
	}

	/**
	 * Who owns the domain once done: the copy OVHcloud made, or the requested contact.
	 */
	public String getFinalOwnerContactId() {
		return (this.ownerContactIdAfter != null) ? this.ownerContactIdAfter : this.newOwnerContactId;
	}

	public String getPaymentMean() {
		return this.paymentMean;
	}

	public String getPaidBy() {
		return this.paidBy;
	}

	public Instant getPaymentStartedAt() {
		return this.paymentStartedAt;
	}

	public Instant getPaidAt() {
		return this.paidAt;
	}

	public String getOwnerContactIdAfter() {
		return this.ownerContactIdAfter;
	}

	/** The four-eyes rule as the page needs it: may this user approve? */
	public boolean approvableBy(String username, boolean fourEyes) {
		return this.status == TradeStatus.AWAITING_APPROVAL && !(fourEyes && preparedBy(username));
	}

	/** When OVHcloud cancels the owner change if both owners have not confirmed. */
	public Instant confirmationDeadline() {
		return (this.taskCreatedAt != null) ? this.taskCreatedAt.plus(java.time.Duration.ofDays(14)) : null;
	}

	public Long getId() {
		return this.id;
	}

	public Long getAgencyId() {
		return this.agencyId;
	}

	public Long getOvhAccountId() {
		return this.ovhAccountId;
	}

	public String getDomainName() {
		return this.domainName;
	}

	public TradeStatus getStatus() {
		return this.status;
	}

	public String getOldOwnerContactId() {
		return this.oldOwnerContactId;
	}

	public String getOldOwnerName() {
		return this.oldOwnerName;
	}

	public String getNewOwnerContactId() {
		return this.newOwnerContactId;
	}

	public String getNewOwnerName() {
		return this.newOwnerName;
	}

	public String getPlanCode() {
		return this.planCode;
	}

	public String getPricingMode() {
		return this.pricingMode;
	}

	public String getOptionPrice() {
		return this.optionPrice;
	}

	public String getCartId() {
		return this.cartId;
	}

	public Long getCartItemId() {
		return this.cartItemId;
	}

	public Instant getCartExpiresAt() {
		return this.cartExpiresAt;
	}

	public String getPreviewJson() {
		return this.previewJson;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public String getOrderUrl() {
		return this.orderUrl;
	}

	public String getOrderStatus() {
		return this.orderStatus;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public String getTaskStatus() {
		return this.taskStatus;
	}

	public String getTaskComment() {
		return this.taskComment;
	}

	public Instant getTaskCreatedAt() {
		return this.taskCreatedAt;
	}

	public boolean isTaskCanAccelerate() {
		return this.taskCanAccelerate;
	}

	public boolean isTaskCanCancel() {
		return this.taskCanCancel;
	}

	public boolean isTaskCanRelaunch() {
		return this.taskCanRelaunch;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getSubmittedBy() {
		return this.submittedBy;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public String getApprovedBy() {
		return this.approvedBy;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public Instant getCheckoutStartedAt() {
		return this.checkoutStartedAt;
	}

	public Instant getCompletedAt() {
		return this.completedAt;
	}

	public String getLastError() {
		return this.lastError;
	}

	public String getLastQueryId() {
		return this.lastQueryId;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
