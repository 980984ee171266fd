package io.domaindesk.agency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person who logs in. Belongs to one agency, except the platform admin. Its getters are
 * public for the templates only; the class itself stays inside the module.
 */
@Entity
@Table(name = "app_user")
class DeskUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agency_id")
	private Long agencyId;

	@Column(nullable = false)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "password_changed_at", nullable = false)
	private Instant passwordChangedAt = Instant.now();

	protected DeskUser() {
	}

	DeskUser(Long agencyId, String username, String displayName, Role role, String passwordHash) {
		if ((role == Role.PLATFORM_ADMIN) != (agencyId == null)) {
			throw new IllegalArgumentException("Only a platform admin stands outside an agency");
		}
		this.agencyId = agencyId;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.passwordHash = passwordHash;
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
		this.passwordChangedAt = Instant.now();
	}

	DeskPrincipal toPrincipal(String agencyName) {
		return new DeskPrincipal(this.id, this.agencyId, agencyName, this.username, this.displayName, this.role,
				this.passwordHash, this.enabled);
	}

	public Long getId() {
		return this.id;
	}

	public Long getAgencyId() {
		return this.agencyId;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public Role getRole() {
		return this.role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
