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

	private final Long userId;

	private final Long agencyId;

	private final String agencyName;

	private final String username;

	private final String displayName;

	private final Role role;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	DeskPrincipal(Long userId, Long agencyId, String agencyName, String username, String displayName, Role role,
			String passwordHash, boolean enabled) {
		this(userId, agencyId, agencyName, username, displayName, role, passwordHash, enabled, false);
	}

	private DeskPrincipal(Long userId, Long agencyId, String agencyName, String username, String displayName, Role role,
			String passwordHash, boolean enabled, boolean locked) {
		this.userId = userId;
		this.agencyId = agencyId;
		this.agencyName = agencyName;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	/** The same user, refused at login while the throttle holds the account. */
	public DeskPrincipal locked() {
		return new DeskPrincipal(this.userId, this.agencyId, this.agencyName, this.username, this.displayName,
				this.role, this.passwordHash, this.enabled, true);
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
