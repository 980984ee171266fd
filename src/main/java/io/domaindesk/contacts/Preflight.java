package io.domaindesk.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.domaindesk.domains.Inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Says, before anything is sent, what a nichandle change would do to one domain — which
 * roles, from whom to whom — and refuses what OVHcloud would refuse: the same nichandle
 * as now, a change already pending for that role, a domain whose state does not allow it.
 */
@Component
class Preflight {

	/**
	 * States in which OVHcloud accepts a contact change (a domain being deleted,
	 * transferred or suspended does not).
	 */
	static final Set<String> CHANGEABLE_STATES = Set.of("ok", "autorenew_in_progress",
			"autorenew_registry_in_progress");

	private final JdbcClient jdbc;

	Preflight(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Why a role or a domain is left out, as a message code and its arguments. */
	record Reason(String role, String code, List<Object> args) {

		public Object[] argArray() {
			return this.args.toArray();
		}

	}

	/** What would happen to one domain. */
	record Plan(Inventory.InventoryDomain domain, Map<String, String> from, Map<String, String> to,
			List<Reason> reasons) {

		public boolean changes() {
			return !this.to.isEmpty();
		}

	}

	/**
	 * @param requested role (OVHcloud field name) → new nichandle, normalised, only the
	 * roles asked for
	 */
	@Transactional(readOnly = true)
	Plan plan(long agencyId, Inventory.InventoryDomain domain, Map<String, String> requested) {
		Map<String, String> from = new LinkedHashMap<>();
		Map<String, String> to = new LinkedHashMap<>();
		List<Reason> reasons = new ArrayList<>();
		if (domain.gone()) {
			reasons.add(new Reason(null, "nic.refused.gone", List.of()));
			return new Plan(domain, from, to, reasons);
		}
		if (domain.state() != null && !CHANGEABLE_STATES.contains(domain.state())) {
			reasons.add(new Reason(null, "nic.refused.state", List.of(domain.state())));
			return new Plan(domain, from, to, reasons);
		}
		List<String> pendingRoles = pendingRoles(agencyId, domain.name());
		for (String role : Nichandles.ROLES) {
			String wanted = requested.get(role);
			if (wanted == null) {
				continue;
			}
			String current = domain.contact(role);
			if (Objects.equals(current, wanted)) {
				reasons.add(new Reason(role, "nic.refused.same", List.of(wanted)));
			}
			else if (pendingRoles.contains(role)) {
				reasons.add(new Reason(role, "nic.refused.pending", List.of()));
			}
			else {
				from.put(role, current);
				to.put(role, wanted);
			}
		}
		return new Plan(domain, from, to, reasons);
	}

	/**
	 * Roles with a change in flight: a pending OVHcloud task (whoever started it), or one
	 * of ours not settled yet.
	 */
	private List<String> pendingRoles(long agencyId, String domain) {
		List<String> roles = new ArrayList<>();
		this.jdbc.sql("""
				select contact_types from contact_change_task
				where agency_id = :agency and domain_name = :domain
				  and state not in ('done', 'refused', 'aborted', 'expired', 'error')
				""").param("agency", agencyId).param("domain", domain).query(String.class).list().forEach(types -> {
			for (String role : types.split(",")) {
				roles.add(role.strip());
			}
		});
		this.jdbc.sql("""
				select case when to_admin is not null then 'contactAdmin' end,
				       case when to_tech is not null then 'contactTech' end,
				       case when to_billing is not null then 'contactBilling' end
				from nic_change
				where agency_id = :agency and domain_name = :domain and status in ('PLANNED', 'SUBMITTING', 'UNKNOWN')
				""").param("agency", agencyId).param("domain", domain).query((rs, n) -> {
			for (int i = 1; i <= 3; i++) {
				if (rs.getString(i) != null) {
					roles.add(rs.getString(i));
				}
			}
			return null;
		}).list();
		return roles;
	}

}
