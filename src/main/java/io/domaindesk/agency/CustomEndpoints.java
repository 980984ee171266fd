package io.domaindesk.agency;

import java.util.Map;
import java.util.Optional;

import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.OvhEndpointGuard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A platform admin adds and removes custom OVHcloud base URLs (a reseller's or a test
 * platform's), which agency admins then pick by name. Where signed calls may go is the
 * platform's business, never an agency's: the same checks as the operator's properties
 * ({@link OvhEndpointGuard#checkBaseUrl}), and the guard checks the resolved address
 * again on every connection.
 */
@Component
class CustomEndpoints {

	private final JdbcClient jdbc;

	private final OvhEndpoints endpoints;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	CustomEndpoints(JdbcClient jdbc, OvhEndpoints endpoints, CurrentUser currentUser, AuditLog audit) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** A refusal, for the field it concerns. */
	record Problem(String field, String code, String detail) {

	}

	/** Adds the endpoint, or says which field is wrong (nothing is stored then). */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Transactional
	Optional<Problem> add(String name, String url) {
		String key = (name != null) ? name.strip() : "";
		if (!OvhEndpoints.isFreeName(key)) {
			return Optional.of(new Problem("name", "endpoints.name.invalid", null));
		}
		if (this.endpoints.choices().contains(key)) {
			return Optional.of(new Problem("name", "endpoints.name.taken", null));
		}
		String base = (url != null) ? url.strip() : "";
		try {
			OvhEndpointGuard.checkBaseUrl(base, this.endpoints.sandboxOn());
		}
		catch (IllegalArgumentException ex) {
			this.audit.record(AuditEntry.of(null, "ovh.endpoint.add", AuditOutcome.DENIED,
					Map.of("name", key, "url", base, "reason", ex.getMessage())));
			return Optional.of(new Problem("url", "endpoints.url.refused", ex.getMessage()));
		}
		if (base.length() > 500) {
			return Optional.of(new Problem("url", "endpoints.url.refused", "too long"));
		}
		this.jdbc.sql("insert into ovh_custom_endpoint (name, base_url, created_by) values (:name, :url, :by)")
			.param("name", key)
			.param("url", base)
			.param("by", this.currentUser.get().getUsername())
			.update();
		this.audit
			.record(AuditEntry.of(null, "ovh.endpoint.add", AuditOutcome.SUCCESS, Map.of("name", key, "url", base)));
		return Optional.empty();
	}

	/**
	 * Removes an endpoint no connection uses; answers how many connections still use it
	 * (then nothing is removed), or -1 when there is no such endpoint.
	 */
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Transactional
	long remove(String name) {
		long inUse = this.jdbc.sql("select count(*) from ovh_account where endpoint = :name")
			.param("name", name)
			.query(Long.class)
			.single();
		if (inUse > 0) {
			return inUse;
		}
		int removed = this.jdbc.sql("delete from ovh_custom_endpoint where name = :name").param("name", name).update();
		if (removed == 0) {
			return -1;
		}
		this.audit.record(AuditEntry.of(null, "ovh.endpoint.remove", AuditOutcome.SUCCESS, Map.of("name", name)));
		return 0;
	}

}
