package io.domaindesk.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.domaindesk.agency.OvhAccounts;
import io.domaindesk.audit.AuditEntry;
import io.domaindesk.audit.AuditLog;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.ChangeContact;
import io.domaindesk.ovh.OvhClients;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.ovh.OvhResend;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one planned change to OVHcloud ({@code POST /domain/{sn}/changeContact})
 * following the rules of the road: the intent is committed first, OVHcloud is called
 * outside any transaction, and the outcome is recorded after — a timeout leaves
 * {@code UNKNOWN} for the reconciliation, never a second request.
 */
@Component
class SubmitNicChange {

	private final NicChangeRepository changes;

	private final OvhAccounts accounts;

	private final OvhClients clients;

	private final Inventory inventory;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	SubmitNicChange(NicChangeRepository changes, OvhAccounts accounts, OvhClients clients, Inventory inventory,
			AuditLog audit, JdbcClient jdbc, TransactionTemplate transactions) {
		this.changes = changes;
		this.accounts = accounts;
		this.clients = clients;
		this.inventory = inventory;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Submits the planned change {@code changeId}; returns it in its new state. */
	NicChange submit(long changeId) {
		NicChange intent = this.transactions.execute(status -> {
			NicChange change = this.changes.findById(changeId).orElseThrow();
			change.submitting();
			audit(change, AuditOutcome.PENDING, Map.of("to", change.to()), null);
			return this.changes.save(change);
		});
		Map<String, String> to = intent.to();
		ChangeContact body = new ChangeContact(to.get("contactAdmin"), to.get("contactBilling"), to.get("contactTech"));
		// A refusal for the clock is sent once more by the client; the outcome's audit
		// row says so.
		List<OvhResend> resends = new ArrayList<>();
		try {
			OvhAccounts.AgencyConnection account = this.accounts.find(intent.getAgencyId(), intent.getOvhAccountId())
				.orElseThrow(() -> new IllegalStateException("The OVHcloud connection of this domain is gone"));
			List<Long> taskIds = OvhResend.watching(resends::add,
					() -> this.clients.client(account.connection())
						.domains()
						.changeContact(intent.getDomainName(), body));
			if (taskIds == null || taskIds.isEmpty()) {
				return this.transactions.execute(status -> nothingToChange(changeId, resends));
			}
			return this.transactions.execute(status -> submitted(changeId, taskIds, resends));
		}
		catch (OvhException.RateLimited ex) {
			if (intent.getBatchId() == null) {
				return this.transactions.execute(status -> failed(changeId, ex.inWords(), ex.queryId()));
			}
			// In a batch, a refused-for-rate call is simply sent again once the pace
			// allows it.
			this.transactions.executeWithoutResult(status -> {
				NicChange change = this.changes.findById(changeId).orElseThrow();
				change.rateLimited();
				audit(change, AuditOutcome.DENIED, Map.of("error", ex.inWords(), "retry", true), ex.queryId());
				this.changes.save(change);
			});
			throw new RetryLater(ex);
		}
		catch (OvhException.OutcomeUnknown ex) {
			return this.transactions.execute(status -> {
				NicChange change = this.changes.findById(changeId).orElseThrow();
				change.unknown(ex.inWords());
				audit(change, AuditOutcome.UNKNOWN, Map.of("error", ex.inWords()), ex.queryId());
				return this.changes.save(change);
			});
		}
		catch (OvhException ex) {
			return this.transactions.execute(status -> failed(changeId, describe(ex), ex.queryId(), resends));
		}
		catch (RuntimeException ex) {
			return this.transactions.execute(status -> failed(changeId, ex.getMessage(), null));
		}
	}

	/**
	 * Also used by the reconciliation when it finds the tasks of an {@code UNKNOWN}
	 * change at OVHcloud.
	 */
	/** The batch worker waits before sending the same change again. */
	static class RetryLater extends RuntimeException {

		RetryLater(OvhException cause) {
			super(cause.inWords(), cause);
		}

	}

	NicChange submitted(long changeId, List<Long> taskIds) {
		return submitted(changeId, taskIds, List.of());
	}

	private NicChange submitted(long changeId, List<Long> taskIds, List<OvhResend> resends) {
		NicChange change = this.changes.findById(changeId).orElseThrow();
		change.submitted(taskIds);
		String roles = String.join(",", change.to().keySet());
		// OVHcloud answered ids only: the request date is DomainDesk's own until the poll
		// reads the task (ovh_read_at), and OVHcloud's from then on.
		for (Long taskId : taskIds) {
			this.jdbc.sql("""
					insert into contact_change_task (ovh_account_id, task_id, agency_id, nic_change_id, domain_name,
					  contact_types, state, date_request)
					values (:account, :task, :agency, :change, :domain, :roles, 'todo', now())
					on conflict (ovh_account_id, task_id) do update set nic_change_id = excluded.nic_change_id
					""")
				.param("account", change.getOvhAccountId())
				.param("task", taskId)
				.param("agency", change.getAgencyId())
				.param("change", change.getId())
				.param("domain", change.getDomainName())
				.param("roles", roles)
				.update();
		}
		change.to()
			.forEach((role, nic) -> this.inventory.expectChange(change.getAgencyId(), change.getDomainName(), role,
					nic));
		this.inventory.pendingOperations(change.getAgencyId(), change.getDomainName(), taskIds.size());
		audit(change, AuditOutcome.SUCCESS,
				withResends(Map.of("to", change.to(), "from", change.from(), "taskIds", taskIds), resends), null);
		return this.changes.save(change);
	}

	/**
	 * OVHcloud created no task: nothing is tracked and the inventory is left to the next
	 * sync (an empty answer says that nothing was started, not what OVHcloud holds).
	 */
	private NicChange nothingToChange(long changeId, List<OvhResend> resends) {
		NicChange change = this.changes.findById(changeId).orElseThrow();
		change.nothingToChange();
		audit(change, AuditOutcome.SUCCESS, withResends(
				Map.of("to", change.to(), "result", NicChange.NOTHING_TO_CHANGE, "taskIds", List.of()), resends), null);
		return this.changes.save(change);
	}

	NicChange failed(long changeId, String message, String queryId) {
		return failed(changeId, message, queryId, List.of());
	}

	private NicChange failed(long changeId, String message, String queryId, List<OvhResend> resends) {
		NicChange change = this.changes.findById(changeId).orElseThrow();
		change.failed(message, queryId);
		audit(change, AuditOutcome.FAILURE, withResends(Map.of("error", String.valueOf(message)), resends), queryId);
		return this.changes.save(change);
	}

	/**
	 * Adds to an outcome's audit details that the call was sent a second time, after
	 * OVHcloud refused the first for the clock (at most one resend per call; the code and
	 * QueryID are bounded like every audit value).
	 */
	static Map<String, ?> withResends(Map<String, ?> details, List<OvhResend> resends) {
		if (resends.isEmpty()) {
			return details;
		}
		OvhResend first = resends.get(0);
		Map<String, Object> all = new HashMap<>(details);
		all.put("resentAfter", bounded(first.refusedWith()));
		if (first.refusedQueryId() != null) {
			all.put("refusedQueryId", bounded(first.refusedQueryId()));
		}
		return all;
	}

	private static String bounded(String value) {
		String text = String.valueOf(value);
		return (text.length() > 64) ? text.substring(0, 64) : text;
	}

	private void audit(NicChange change, AuditOutcome outcome, Map<String, ?> details, String queryId) {
		Map<String, Object> all = new HashMap<>(details);
		all.put("nicChangeId", change.getId());
		if (change.getBatchId() != null) {
			all.put("batchId", change.getBatchId());
		}
		this.audit.recordAs(change.getCreatedBy(), null,
				new AuditEntry(change.getAgencyId(), "nic.change", change.getDomainName(), all, outcome, queryId));
	}

	/** OVHcloud's own words, which staff can act on or quote to support. */
	static String describe(OvhException ex) {
		return ex.inWords();
	}

}
