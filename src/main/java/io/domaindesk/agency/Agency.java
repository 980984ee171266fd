package io.domaindesk.agency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A web agency: the tenant every piece of business data belongs to.
 */
@Entity
@Table(name = "agency")
public class Agency {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Column(name = "four_eyes_trades", nullable = false)
	private boolean fourEyesTrades = true;

	@Column(name = "audit_retention_months", nullable = false)
	private int auditRetentionMonths = 12;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	protected Agency() {
	}

	Agency(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public boolean isFourEyesTrades() {
		return this.fourEyesTrades;
	}

	public int getAuditRetentionMonths() {
		return this.auditRetentionMonths;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
