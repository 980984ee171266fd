package io.domaindesk.trades;

import java.util.List;
import java.util.regex.Pattern;

import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.DomainTaskArgument;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.ovh.OvhTaskArgumentsApi;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@code DomainTrade} task in {@code error} usually waits for one of its arguments to
 * be corrected ({@code /me/task/domain/{id}/argument}): shows them, checks a new value
 * against the argument's own rules (read-only, accepted values, sizes, and the format of
 * the contact fields it names) before sending it, then staff relaunch the task.
 */
@Component
class TradeTaskArguments {

	/** The Control Panel's checks of the contact fields an argument may stand for. */
	static final Pattern PHONE = Pattern.compile("^\\+(\\d{1,5}\\.)?\\d{1,15}$");

	static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$");

	/** Longer values are refused before OVHcloud sees them. */
	static final int MAX_VALUE = 4000;

	private final TradeRepository trades;

	private final TradeConnections connections;

	private final TradeHistory history;

	private final TransactionTemplate transactions;

	TradeTaskArguments(TradeRepository trades, TradeConnections connections, TradeHistory history,
			TransactionTemplate transactions) {
		this.trades = trades;
		this.connections = connections;
		this.history = history;
		this.transactions = transactions;
	}

	/** Whether the trade's task waits for a correction. */
	static boolean correctable(Trade trade) {
		return trade.getStatus() == TradeStatus.IN_PROGRESS && trade.getTaskId() != null
				&& "error".equals(trade.getTaskStatus());
	}

	List<DomainTaskArgument> read(Trade trade) {
		return api(trade).all(trade.getTaskId());
	}

	/**
	 * Why a value does not fit the argument, as a message key and its arguments; null
	 * when it fits.
	 */
	static Rejection check(DomainTaskArgument argument, String value) {
		String key = argument.key();
		if (Boolean.TRUE.equals(argument.readOnly())) {
			return new Rejection("trade.argument.readOnly", key);
		}
		int length = (value != null) ? value.codePointCount(0, value.length()) : 0;
		if (length > MAX_VALUE) {
			return new Rejection("trade.argument.tooLong", key, MAX_VALUE);
		}
		if (argument.minimumSize() != null && length < argument.minimumSize()) {
			return new Rejection("trade.argument.tooShort", key, argument.minimumSize());
		}
		if (argument.maximumSize() != null && length > argument.maximumSize()) {
			return new Rejection("trade.argument.tooLong", key, argument.maximumSize());
		}
		if (argument.acceptedValues() != null && !argument.acceptedValues().isEmpty()
				&& !argument.acceptedValues().contains(value)) {
			return new Rejection("trade.argument.notAccepted", key, String.join(", ", argument.acceptedValues()));
		}
		List<String> fields = (argument.fields() != null) ? argument.fields() : List.of();
		if (value != null && !value.isEmpty()) {
			if ((fields.contains("phone") || fields.contains("cellPhone")) && !PHONE.matcher(value).matches()) {
				return new Rejection("trade.argument.phone", key);
			}
			if ((fields.contains("email") || fields.contains("spareEmail")) && !EMAIL.matcher(value).matches()) {
				return new Rejection("trade.argument.email", key);
			}
		}
		return null;
	}

	/** A refused value: the message key, then its arguments. */
	record Rejection(String code, Object... args) {

	}

	/**
	 * Checks the value against the argument as OVHcloud describes it now, then sends it.
	 * Returns the rejection without calling OVHcloud when it does not fit.
	 */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	Rejection correct(long tradeId, String key, String value) {
		Trade trade = this.trades.findById(tradeId).orElseThrow();
		if (!correctable(trade)) {
			throw new TradeRefused("trade.refused.task");
		}
		DomainTaskArgument argument = api(trade).get(trade.getTaskId(), key);
		String normalised = (value != null) ? value.strip() : null;
		Rejection rejection = check(argument, normalised);
		if (rejection != null) {
			return rejection;
		}
		String step = "task.argument";
		String detail = key + " = " + abbreviate(normalised);
		this.transactions.executeWithoutResult(status -> this.history.record(this.trades.lock(tradeId).orElseThrow(),
				step, AuditOutcome.PENDING, detail, null));
		try {
			api(trade).update(trade.getTaskId(), key, normalised);
		}
		catch (OvhException ex) {
			this.transactions
				.executeWithoutResult(status -> this.history.record(this.trades.lock(tradeId).orElseThrow(), step,
						(ex instanceof OvhException.OutcomeUnknown) ? AuditOutcome.UNKNOWN : AuditOutcome.FAILURE,
						UpdateOwner.describe(ex), ex.queryId()));
			throw ex;
		}
		this.transactions.executeWithoutResult(status -> this.history.record(this.trades.lock(tradeId).orElseThrow(),
				step, AuditOutcome.SUCCESS, detail, null));
		return null;
	}

	private static String abbreviate(String value) {
		if (value == null) {
			return "(empty)";
		}
		return (value.length() > 200) ? value.substring(0, 200) + "…" : value;
	}

	private OvhTaskArgumentsApi api(Trade trade) {
		return this.connections.client(trade.getAgencyId(), trade.getOvhAccountId()).taskArguments();
	}

}
