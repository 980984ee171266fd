package io.domaindesk.contacts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Hundreds of nichandle changes started together. Runs in the background; can be paused,
 * resumed and cancelled; after a restart it goes on where it stopped.
 */
@Entity
@Table(name = "nic_change_batch")
public class NicChangeBatch {

	static final String RUNNING = "RUNNING";

	static final String PAUSED = "PAUSED";

	static final String CANCELLED = "CANCELLED";

	static final String DONE = "DONE";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agency_id", nullable = false)
	private Long agencyId;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	@Column(nullable = false)
	private String status = RUNNING;

	private String selection;

	@Column(name = "to_admin")
	private String toAdmin;

	@Column(name = "to_tech")
	private String toTech;

	@Column(name = "to_billing")
	private String toBilling;

	@Column(nullable = false)
	private int total;

	@Column(name = "finished_at")
	private Instant finishedAt;

	@Version
	private int version;

	protected NicChangeBatch() {
	}

	NicChangeBatch(long agencyId, String createdBy, String selection, String toAdmin, String toTech, String toBilling) {
		this.agencyId = agencyId;
		this.createdBy = createdBy;
		this.selection = selection;
		this.toAdmin = toAdmin;
		this.toTech = toTech;
		this.toBilling = toBilling;
	}

	void counted(int total) {
		this.total = total;
	}

	void pause() {
		if (!RUNNING.equals(this.status)) {
			throw new IllegalStateException("Only a running batch can be paused");
		}
		this.status = PAUSED;
	}

	void resume() {
		if (!PAUSED.equals(this.status)) {
			throw new IllegalStateException("Only a paused batch can be resumed");
		}
		this.status = RUNNING;
	}

	void cancel() {
		if (!RUNNING.equals(this.status) && !PAUSED.equals(this.status)) {
			throw new IllegalStateException("A " + this.status + " batch cannot be cancelled");
		}
		this.status = CANCELLED;
		this.finishedAt = Instant.now();
	}

	void finish() {
		if (RUNNING.equals(this.status)) {
			this.status = DONE;
			this.finishedAt = Instant.now();
		}
	}

	public boolean isRunning() {
		return RUNNING.equals(this.status);
	}

	public boolean isPaused() {
		return PAUSED.equals(this.status);
	}

	public boolean isOver() {
		return DONE.equals(this.status) || CANCELLED.equals(this.status);
	}

	public Long getId() {
		return this.id;
	}

	public Long getAgencyId() {
		return this.agencyId;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getStatus() {
		return this.status;
	}

	public String getSelection() {
		return this.selection;
	}

	public String getToAdmin() {
		return this.toAdmin;
	}

	public String getToTech() {
		return this.toTech;
	}

	public String getToBilling() {
		return this.toBilling;
	}

	public int getTotal() {
		return this.total;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

}
