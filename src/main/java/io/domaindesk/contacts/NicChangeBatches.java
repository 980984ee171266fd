package io.domaindesk.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk nichandle changes: the per-domain pre-flight report, the batch itself, and pause /
 * resume / cancel.
 */
@Component
class NicChangeBatches {

	private final CurrentUser currentUser;

	private final Inventory inventory;

	private final Preflight preflight;

	private final NicChangeBatchRepository batches;

	private final NicChangeRepository changes;

	private final AuditLog audit;

	NicChangeBatches(CurrentUser currentUser, Inventory inventory, Preflight preflight,
			NicChangeBatchRepository batches, NicChangeRepository changes, AuditLog audit) {
		this.currentUser = currentUser;
		this.inventory = inventory;
		this.preflight = preflight;
		this.batches = batches;
		this.changes = changes;
		this.audit = audit;
	}

	/**
	 * The selected domains, and for names that are not (or no longer) in the inventory,
	 * the names.
	 */
	record Selected(List<Inventory.InventoryDomain> domains, List<String> unknown, boolean tooMany) {

	}

	@Transactional(readOnly = true)
	Selected select(Selection selection) {
		long agencyId = this.currentUser.agencyId();
		if (selection.byNames()) {
			List<Inventory.InventoryDomain> domains = new ArrayList<>();
			List<String> unknown = new ArrayList<>();
			for (String name : selection.names()) {
				this.inventory.find(agencyId, name).ifPresentOrElse(domains::add, () -> unknown.add(name));
			}
			return new Selected(domains, unknown, domains.size() > Inventory.MAX_SELECTION);
		}
		if (selection.filter().isEmpty()) {
			return new Selected(List.of(), List.of(), false);
		}
		List<Inventory.InventoryDomain> domains = this.inventory.select(agencyId, selection.filter());
		return new Selected(domains, List.of(), domains.size() > Inventory.MAX_SELECTION);
	}

	@Transactional(readOnly = true)
	List<Preflight.Plan> preflight(List<Inventory.InventoryDomain> domains, Map<String, String> requested) {
		long agencyId = this.currentUser.agencyId();
		return this.preflight.planAll(agencyId, domains, requested);
	}

	/**
	 * Records the batch and one row per domain (planned, or skipped with its reason); the
	 * worker sends them.
	 */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	NicChangeBatch create(Selection selection, Map<String, String> requested) {
		long agencyId = this.currentUser.agencyId();
		String username = this.currentUser.get().getUsername();
		Selected selected = select(selection);
		if (selected.domains().isEmpty() || selected.tooMany()) {
			throw new IllegalArgumentException("Nothing to change, or too many domains");
		}
		NicChangeBatch batch = this.batches.save(new NicChangeBatch(agencyId, username, selection.describe(),
				requested.get("contactAdmin"), requested.get("contactTech"), requested.get("contactBilling")));
		int planned = 0;
		for (Preflight.Plan plan : preflight(selected.domains(), requested)) {
			NicChange change;
			if (plan.changes()) {
				change = new NicChange(agencyId, batch.getId(), plan.domain().ovhAccountId(), plan.domain().name(),
						plan.from(), plan.to(), username);
				planned++;
			}
			else {
				change = NicChange.skipped(agencyId, batch.getId(), plan.domain().ovhAccountId(), plan.domain().name(),
						describe(plan), username);
			}
			this.changes.save(change);
		}
		batch.counted(selected.domains().size());
		this.audit.record(AuditEntry.of(agencyId, "nic.batch.create", AuditOutcome.SUCCESS,
				Map.of("batchId", batch.getId(), "domains", selected.domains().size(), "planned", planned, "to",
						requested, "selection", selection.describe())));
		return batch;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	NicChangeBatch pause(long batchId) {
		NicChangeBatch batch = find(batchId);
		batch.pause();
		audit(batch, "nic.batch.pause");
		return batch;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	NicChangeBatch resume(long batchId) {
		NicChangeBatch batch = find(batchId);
		batch.resume();
		audit(batch, "nic.batch.resume");
		return batch;
	}

	/**
	 * Cancels what has not been sent yet; what was sent stays sent (its tasks are
	 * followed as usual).
	 */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	@Transactional
	NicChangeBatch cancel(long batchId) {
		NicChangeBatch batch = find(batchId);
		batch.cancel();
		this.changes.findByBatchIdOrderByIdAsc(batchId)
			.stream()
			.filter(c -> c.getStatus() == NicChangeStatus.PLANNED)
			.forEach(NicChange::cancel);
		audit(batch, "nic.batch.cancel");
		return batch;
	}

	@Transactional(readOnly = true)
	NicChangeBatch find(long batchId) {
		return this.batches.findByIdAndAgencyId(batchId, this.currentUser.agencyId())
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
	}

	@Transactional(readOnly = true)
	List<NicChangeBatch> recent() {
		return this.batches.findTop20ByAgencyIdOrderByIdDesc(this.currentUser.agencyId());
	}

	private void audit(NicChangeBatch batch, String action) {
		this.audit
			.record(AuditEntry.of(batch.getAgencyId(), action, AuditOutcome.SUCCESS, Map.of("batchId", batch.getId())));
	}

	/**
	 * Skip reasons in plain words for the batch report (the page shows them translated).
	 */
	static String describe(Preflight.Plan plan) {
		// "same:contactAdmin; state": short codes that the batch page translates
		// (nic.skip.*).
		return String.join("; ",
				plan.reasons()
					.stream()
					.map(r -> r.code().replace("nic.refused.", "") + ((r.role() != null) ? ":" + r.role() : ""))
					.toList());
	}

}
