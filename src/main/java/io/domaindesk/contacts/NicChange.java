package io.domaindesk.contacts;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.domaindesk.ovh.OvhException;

/**
 * One domain's requested nichandle change. It guards its own life: planned (or skipped
 * with a reason), then submitting — committed before OVHcloud is called — then submitted
 * with OVHcloud's task ids, failed with the error, or unknown when the call's outcome
 * could not be read.
 */
@Entity
@Table(name = "nic_change")
public class NicChange {

	/** The reason of a change OVHcloud answered with no task (a message key suffix). */
	static final String NOTHING_TO_CHANGE = "nothingToChange";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agency_id", nullable = false)
	private Long agencyId;

	@Column(name = "batch_id")
	private Long batchId;

	@Column(name = "ovh_account_id", nullable = false)
	private Long ovhAccountId;

	@Column(name = "domain_name", nullable = false)
	private String domainName;

	@Column(name = "from_admin")
	private String fromAdmin;

	@Column(name = "from_tech")
	private String fromTech;

	@Column(name = "from_billing")
	private String fromBilling;

	@Column(name = "to_admin")
	private String toAdmin;

	@Column(name = "to_tech")
	private String toTech;

	@Column(name = "to_billing")
	private String toBilling;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private NicChangeStatus status;

	private String reason;

	@Column(name = "ovh_query_id")
	private String ovhQueryId;

	@Column(name = "task_ids")
	private String taskIds;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	@Version
	private int version;

	protected NicChange() {
	}

	/** A change to send: {@code from} and {@code to} hold only the roles that change. */
	NicChange(long agencyId, Long batchId, long ovhAccountId, String domainName, Map<String, String> from,
			Map<String, String> to, String createdBy) {
		this.agencyId = agencyId;
		this.batchId = batchId;
		this.ovhAccountId = ovhAccountId;
		this.domainName = domainName;
		this.fromAdmin = from.get("contactAdmin");
		this.fromTech = from.get("contactTech");
		this.fromBilling = from.get("contactBilling");
		this.toAdmin = to.get("contactAdmin");
		this.toTech = to.get("contactTech");
		this.toBilling = to.get("contactBilling");
		this.createdBy = createdBy;
		this.status = to.isEmpty() ? NicChangeStatus.SKIPPED : NicChangeStatus.PLANNED;
	}

	static NicChange skipped(long agencyId, Long batchId, long ovhAccountId, String domainName, String reason,
			String createdBy) {
		NicChange change = new NicChange(agencyId, batchId, ovhAccountId, domainName, Map.of(), Map.of(), createdBy);
		change.reason = reason;
		return change;
	}

	void submitting() {
		require(NicChangeStatus.PLANNED);
		this.status = NicChangeStatus.SUBMITTING;
		touch();
	}

	void submitted(List<Long> ids) {
		if (this.status != NicChangeStatus.SUBMITTING && this.status != NicChangeStatus.UNKNOWN) {
			throw new IllegalStateException("Cannot mark " + this.status + " as submitted");
		}
		this.status = NicChangeStatus.SUBMITTED;
		this.taskIds = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		this.submittedAt = Instant.now();
		this.reason = null;
		touch();
	}

	/**
	 * OVHcloud answered the change with no task at all: there was nothing for it to do
	 * (the requested nichandles are already in place, our inventory was behind). Nothing
	 * was started, so nothing is tracked: the change ends skipped, with that reason.
	 */
	void nothingToChange() {
		if (this.status != NicChangeStatus.SUBMITTING && this.status != NicChangeStatus.UNKNOWN) {
			throw new IllegalStateException("Cannot mark " + this.status + " as nothing to change");
		}
		this.status = NicChangeStatus.SKIPPED;
		this.reason = NOTHING_TO_CHANGE;
		touch();
	}

	/** Whether OVHcloud refused it because the service (or request) has expired. */
	boolean expiredAtOvh() {
		return this.status == NicChangeStatus.FAILED && this.reason != null
				&& this.reason.startsWith(OvhException.Expired.IN_WORDS);
	}

	void failed(String message, String queryId) {
		if (this.status != NicChangeStatus.SUBMITTING && this.status != NicChangeStatus.UNKNOWN) {
			throw new IllegalStateException("Cannot mark " + this.status + " as failed");
		}
		this.status = NicChangeStatus.FAILED;
		this.reason = message;
		this.ovhQueryId = queryId;
		touch();
	}

	/**
	 * OVHcloud answered 429: it refused the call without doing anything, so the change
	 * goes back to planned and is sent again later — the one case where sending again
	 * cannot make a duplicate.
	 */
	void rateLimited() {
		require(NicChangeStatus.SUBMITTING);
		this.status = NicChangeStatus.PLANNED;
		touch();
	}

	void unknown(String message) {
		require(NicChangeStatus.SUBMITTING);
		this.status = NicChangeStatus.UNKNOWN;
		this.reason = message;
		touch();
	}

	void cancel() {
		require(NicChangeStatus.PLANNED);
		this.status = NicChangeStatus.CANCELLED;
		touch();
	}

	private void require(NicChangeStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("Nic change " + this.id + " is " + this.status + ", not " + expected);
		}
	}

	private void touch() {
		this.updatedAt = Instant.now();
	}

	/** The roles that change, by OVHcloud field name, to their new nichandle. */
	public Map<String, String> to() {
		Map<String, String> to = new LinkedHashMap<>();
		put(to, "contactAdmin", this.toAdmin);
		put(to, "contactTech", this.toTech);
		put(to, "contactBilling", this.toBilling);
		return to;
	}

	public Map<String, String> from() {
		Map<String, String> from = new LinkedHashMap<>();
		put(from, "contactAdmin", this.fromAdmin);
		put(from, "contactTech", this.fromTech);
		put(from, "contactBilling", this.fromBilling);
		return from;
	}

	public List<Long> taskIdList() {
		return (this.taskIds == null || this.taskIds.isBlank()) ? List.of()
				: Arrays.stream(this.taskIds.split(",")).map(Long::valueOf).toList();
	}

	private static void put(Map<String, String> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	public Long getId() {
		return this.id;
	}

	public Long getAgencyId() {
		return this.agencyId;
	}

	public Long getBatchId() {
		return this.batchId;
	}

	public Long getOvhAccountId() {
		return this.ovhAccountId;
	}

	public String getDomainName() {
		return this.domainName;
	}

	public NicChangeStatus getStatus() {
		return this.status;
	}

	public String getReason() {
		return this.reason;
	}

	public String getOvhQueryId() {
		return this.ovhQueryId;
	}

	public String getTaskIds() {
		return this.taskIds;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
