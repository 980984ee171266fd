package io.domaindesk.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
		return planAll(agencyId, List.of(domain), requested).get(0);
	}

	/**
	 * The plans of many domains, with the changes in flight read in two queries rather
	 * than two per domain.
	 */
	@Transactional(readOnly = true)
	List<Plan> planAll(long agencyId, List<Inventory.InventoryDomain> domains, Map<String, String> requested) {
		Map<String, Set<String>> pending = pendingRoles(agencyId,
				domains.stream().map(Inventory.InventoryDomain::name).toList());
		return domains.stream()
			.map(domain -> plan(domain, requested, pending.getOrDefault(domain.name(), Set.of())))
			.toList();
	}

	static Plan plan(Inventory.InventoryDomain domain, Map<String, String> requested, Set<String> pendingRoles) {
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
	 * Roles with a change in flight, by domain: a pending OVHcloud task (whoever started
	 * it), or one of ours not settled yet.
	 */
	private Map<String, Set<String>> pendingRoles(long agencyId, List<String> domains) {
		Map<String, Set<String>> roles = new HashMap<>();
		if (domains.isEmpty()) {
			return roles;
		}
		this.jdbc.sql("""
				select domain_name, contact_types from contact_change_task
				where agency_id = :agency and domain_name in (:domains) and contact_types is not null
				  and state not in ('done', 'refused', 'aborted', 'expired', 'error')
				""").param("agency", agencyId).param("domains", domains).query((rs, n) -> {
			for (String role : rs.getString(2).split(",")) {
				roles.computeIfAbsent(rs.getString(1), d -> new HashSet<>()).add(role.strip());
			}
			return null;
		}).list();
		this.jdbc.sql("""
				select domain_name,
				       case when to_admin is not null then 'contactAdmin' end,
				       case when to_tech is not null then 'contactTech' end,
				       case when to_billing is not null then 'contactBilling' end
				from nic_change
				where agency_id = :agency and domain_name in (:domains)
				  and status in ('PLANNED', 'SUBMITTING', 'UNKNOWN')
				""").param("agency", agencyId).param("domains", domains).query((rs, n) -> {
			for (int i = 2; i <= 4; i++) {
				if (rs.getString(i) != null) {
					roles.computeIfAbsent(rs.getString(1), d -> new HashSet<>()).add(rs.getString(i));
				}
			}
			return null;
		}).list();
		return roles;
	}

}
