package io.domaindesk.trades;

import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.OvhDomainsApi;
import io.domaindesk.ovh.OvhException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels, accelerates or relaunches the {@code DomainTrade} task, when OVHcloud's last
 * reading of the task allows it ({@code canCancel}, {@code canAccelerate},
 * {@code canRelaunch}).
 */
@Component
class ActOnTradeTask {

	enum Action {

		CANCEL, ACCELERATE, RELAUNCH

	}

	private final TradeRepository trades;

	private final TradeConnections connections;

	private final TradeHistory history;

	private final TradeTracker tracker;

	private final TransactionTemplate transactions;

	ActOnTradeTask(TradeRepository trades, TradeConnections connections, TradeHistory history, TradeTracker tracker,
			TransactionTemplate transactions) {
		this.trades = trades;
		this.connections = connections;
		this.history = history;
		this.tracker = tracker;
		this.transactions = transactions;
	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	void act(long tradeId, Action action) {
		String step = "task." + action.name().toLowerCase(java.util.Locale.ROOT);
		Trade trade = this.transactions.execute(status -> {
			Trade locked = this.trades.lock(tradeId).orElseThrow();
			boolean allowed = locked.getStatus() == TradeStatus.IN_PROGRESS && switch (action) {
				case CANCEL -> locked.isTaskCanCancel();
				case ACCELERATE -> locked.isTaskCanAccelerate();
				case RELAUNCH -> locked.isTaskCanRelaunch();
			};
			if (!allowed) {
				throw new TradeRefused("trade.refused.task");
			}
			this.history.record(locked, step, AuditOutcome.PENDING, "Task " + locked.getTaskId(), null);
			return locked;
		});
		OvhDomainsApi domains = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId()).domains();
		try {
			switch (action) {
				case CANCEL -> domains.cancelTask(trade.getDomainName(), trade.getTaskId());
				case ACCELERATE -> domains.accelerateTask(trade.getDomainName(), trade.getTaskId());
				case RELAUNCH -> domains.relaunchTask(trade.getDomainName(), trade.getTaskId());
			}
			outcome(tradeId, step, AuditOutcome.SUCCESS, null, null);
		}
		catch (OvhException ex) {
			outcome(tradeId, step,
					(ex instanceof OvhException.OutcomeUnknown) ? AuditOutcome.UNKNOWN : AuditOutcome.FAILURE,
					UpdateOwner.describe(ex), ex.queryId());
			throw ex;
		}
		this.tracker.follow(tradeId);
	}

	private void outcome(long tradeId, String step, AuditOutcome outcome, String detail, String queryId) {
		this.transactions.executeWithoutResult(status -> {
			Trade locked = this.trades.lock(tradeId).orElseThrow();
			this.history.record(locked, step, outcome, detail, queryId);
		});
	}

}
