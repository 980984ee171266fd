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

	@Column(name = "password_must_change", nullable = false)
	private boolean passwordMustChange;

	@Column(name = "totp_secret_enc")
	private String totpSecretEncrypted;

	@Column(name = "totp_enabled_at")
	private Instant totpEnabledAt;

	@Column(name = "totp_last_step")
	private Long totpLastStep;

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

	void changeRole(Role newRole) {
		if (newRole == Role.PLATFORM_ADMIN || this.role == Role.PLATFORM_ADMIN) {
			throw new IllegalArgumentException("The platform admin role is not given or taken inside an agency");
		}
		this.role = newRole;
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	/**
	 * A password someone else chose (an admin creating the account or resetting it):
	 * known to two people, so the user must replace it at their next login.
	 */
	void setPasswordByAdmin(String newHash) {
		this.passwordHash = newHash;
		this.passwordChangedAt = Instant.now();
		this.passwordMustChange = true;
	}

	/** Created by an admin with a password the admin chose. */
	DeskUser mustChangePassword() {
		this.passwordMustChange = true;
		return this;
	}

	void changeOwnPassword(String newHash) {
		this.passwordHash = newHash;
		this.passwordChangedAt = Instant.now();
		this.passwordMustChange = false;
	}

	void enableTotp(String secretEncrypted, long acceptedStep) {
		this.totpSecretEncrypted = secretEncrypted;
		this.totpEnabledAt = Instant.now();
		this.totpLastStep = acceptedStep;
	}

	void disableTotp() {
		this.totpSecretEncrypted = null;
		this.totpEnabledAt = null;
		this.totpLastStep = null;
	}

	/**
	 * Accepts a TOTP time step only once and only moving forward, so that a code seen
	 * over a shoulder cannot be replayed within its window.
	 */
	boolean acceptTotpStep(long step) {
		if (this.totpLastStep != null && step <= this.totpLastStep) {
			return false;
		}
		this.totpLastStep = step;
		return true;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	String totpSecretEncrypted() {
		return this.totpSecretEncrypted;
	}

	DeskPrincipal toPrincipal(String agencyName) {
		return new DeskPrincipal(this.id, this.agencyId, agencyName, this.username, this.displayName, this.role,
				this.passwordHash, this.enabled, this.passwordMustChange, this.totpEnabledAt != null);
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

	public boolean isPasswordMustChange() {
		return this.passwordMustChange;
	}

	public boolean isTotpEnabled() {
		return this.totpEnabledAt != null;
	}

	public Instant getTotpEnabledAt() {
		return this.totpEnabledAt;
	}

}
