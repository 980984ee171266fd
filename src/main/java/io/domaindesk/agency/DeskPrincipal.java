package io.domaindesk.agency;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as the rest of the application sees it: who, which agency, which
 * role. Serializable because sessions live in PostgreSQL and are shared by every
 * instance.
 */
public final class DeskPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The authority a session holds once the user proved a TOTP code (or a recovery
	 * code), in Spring Security's multi-factor scheme.
	 */
	public static final String TOTP_FACTOR = "FACTOR_TOTP";

	private final Long userId;

	private final Long agencyId;

	private final String agencyName;

	private final String username;

	private final String displayName;

	private final Role role;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final boolean passwordMustChange;

	private final boolean totpEnabled;

	DeskPrincipal(Long userId, Long agencyId, String agencyName, String username, String displayName, Role role,
			String passwordHash, boolean enabled, boolean passwordMustChange, boolean totpEnabled) {
		this(userId, agencyId, agencyName, username, displayName, role, passwordHash, enabled, false,
				passwordMustChange, totpEnabled);
	}

	private DeskPrincipal(Long userId, Long agencyId, String agencyName, String username, String displayName, Role role,
			String passwordHash, boolean enabled, boolean locked, boolean passwordMustChange, boolean totpEnabled) {
		this.userId = userId;
		this.agencyId = agencyId;
		this.agencyName = agencyName;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.passwordMustChange = passwordMustChange;
		this.totpEnabled = totpEnabled;
	}

	/** The same user, refused at login while the throttle holds the account. */
	public DeskPrincipal locked() {
		return new DeskPrincipal(this.userId, this.agencyId, this.agencyName, this.username, this.displayName,
				this.role, this.passwordHash, this.enabled, true, this.passwordMustChange, this.totpEnabled);
	}

	public Long userId() {
		return this.userId;
	}

	/** The agency, or {@code null} for the platform admin. */
	public Long agencyId() {
		return this.agencyId;
	}

	/** The agency's name, or {@code null} for the platform admin. */
	public String agencyName() {
		return this.agencyName;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	/** An admin chose this user's password: they must replace it before anything else. */
	public boolean passwordMustChange() {
		return this.passwordMustChange;
	}

	public boolean totpEnabled() {
		return this.totpEnabled;
	}

	/**
	 * Whether a login must be completed with a TOTP code: always once enrolled, and for
	 * the people who approve paid trades (agency and platform admins) when the deployment
	 * requires it (profile {@code prod}).
	 */
	public boolean secondFactorRequired(boolean requiredForAdmins) {
		return this.totpEnabled
				|| (requiredForAdmins && (this.role == Role.AGENCY_ADMIN || this.role == Role.PLATFORM_ADMIN));
	}

	public boolean hasRole(Role candidate) {
		return this.role == candidate;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DeskPrincipal that && this.username.equals(that.username);
	}

	@Override
	public int hashCode() {
		return this.username.hashCode();
	}

	@Override
	public String toString() {
		return "DeskPrincipal[" + this.username + ", " + this.role + ", agency " + this.agencyId + "]";
	}

}
