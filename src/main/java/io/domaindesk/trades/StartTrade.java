package io.domaindesk.trades;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.DomainContact;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhException;
import io.domaindesk.ovh.RuleData;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps 1 and 2: records the trade with its price, gives it its new owner (a contact
 * created from the {@code trade} rules, or one of the account's contacts), then runs the
 * dry run. The trade row is committed before the contact is created at OVHcloud.
 */
@Component
class StartTrade {

	private final CurrentUser currentUser;

	private final TradeConnections connections;

	private final TradeOffer offers;

	private final OwnerContact owners;

	private final TradeRepository trades;

	private final TradeHistory history;

	private final PrepareCart prepare;

	private final TransactionTemplate transactions;

	StartTrade(CurrentUser currentUser, TradeConnections connections, TradeOffer offers, OwnerContact owners,
			TradeRepository trades, TradeHistory history, PrepareCart prepare, TransactionTemplate transactions) {
		this.currentUser = currentUser;
		this.connections = connections;
		this.offers = offers;
		this.owners = owners;
		this.trades = trades;
		this.history = history;
		this.prepare = prepare;
		this.transactions = transactions;
	}

	/** The new owner: an existing contact id, or the typed values of a new contact. */
	record NewOwner(Long existingContactId, Map<String, String> values) {

	}

	/** Either refused with errors (nothing created) or the trade. */
	record Result(Long tradeId, boolean existing, Map<String, String> fieldErrors, String error, String queryId) {

		static Result refused(String error, String queryId) {
			return new Result(null, false, Map.of(), error, queryId);
		}

	}

	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	Result start(Inventory.InventoryDomain domain, NewOwner newOwner) {
		long agencyId = this.currentUser.agencyId();
		String username = this.currentUser.get().getUsername();
		Optional<Trade> open = openTrade(agencyId, domain.name());
		if (open.isPresent()) {
			return new Result(open.get().getId(), true, Map.of(), null, null);
		}
		OvhClient client = this.connections.client(agencyId, domain.ovhAccountId());
		TradeOffer.Offer offer = this.offers.read(agencyId, domain).orElse(null);
		if (offer == null) {
			return Result.refused("trade.notEligible", null);
		}
		OwnerContact.Owner current = this.owners.read(agencyId, domain, "trade");
		DomainContact contact = null;
		DomainContact existing = null;
		if (newOwner.existingContactId() != null) {
			existing = client.contacts()
				.domainContacts()
				.stream()
				.filter(c -> newOwner.existingContactId().equals(c.id()))
				.findFirst()
				.orElse(null);
			if (existing == null) {
				return Result.refused("trade.contact.unknown", null);
			}
			if (existing.id() == current.contactId()) {
				return Result.refused("trade.contact.same", null);
			}
		}
		else {
			Map<String, String> errors = new LinkedHashMap<>();
			try {
				contact = ContactValues.toContact(newOwner.values());
			}
			catch (IllegalArgumentException ex) {
				return new Result(null, false, Map.of(), ex.getMessage(), null);
			}
			try {
				client.contacts()
					.checkConfigurationRule("trade", domain.name(), new RuleData(null, null, null, contact, null));
			}
			catch (OvhException.RuleViolation ex) {
				ex.violations().forEach((key, message) -> {
					String label = ContactValues.fieldOf(key, current.fields());
					errors.put((label != null) ? label : "", message);
				});
				String global = errors.remove("");
				return new Result(null, false, errors, global, ex.queryId());
			}
		}
		Long tradeId;
		try {
			tradeId = this.transactions.execute(status -> {
				Trade trade = this.trades.save(new Trade(agencyId, domain.ovhAccountId(), domain.name(),
						String.valueOf(current.contactId()), ContactValues.displayName(current.contact()),
						offer.planCode(), offer.pricingMode(), offer.priceText(), username));
				this.history.info(trade, "start",
						"Option " + offer.planCode() + " (" + offer.pricingMode() + "), price " + offer.priceText());
				return trade.getId();
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another request started one for this domain a moment ago: that one wins.
			return openTrade(agencyId, domain.name()).map(t -> new Result(t.getId(), true, Map.of(), null, null))
				.orElseThrow(() -> ex);
		}
		if (existing != null) {
			DomainContact chosen = existing;
			this.transactions.executeWithoutResult(status -> {
				Trade trade = this.trades.lock(tradeId).orElseThrow();
				trade.newOwner(String.valueOf(chosen.id()), ContactValues.displayName(chosen));
				this.history.info(trade, "owner.chosen", "Existing contact " + chosen.id());
			});
		}
		else if (!createContact(tradeId, client, contact)) {
			return new Result(tradeId, false, Map.of(), null, null);
		}
		this.prepare.prepare(tradeId);
		return new Result(tradeId, false, Map.of(), null, null);
	}

	/**
	 * {@code POST /domain/contact}; the trade stays a draft with the error if refused.
	 */
	private boolean createContact(long tradeId, OvhClient client, DomainContact contact) {
		this.transactions.executeWithoutResult(status -> {
			Trade trade = this.trades.lock(tradeId).orElseThrow();
			this.history.record(trade, "owner.create", AuditOutcome.PENDING, null, null);
		});
		try {
			DomainContact created = client.contacts().createDomainContact(contact);
			this.transactions.executeWithoutResult(status -> {
				Trade trade = this.trades.lock(tradeId).orElseThrow();
				trade.newOwner(String.valueOf(created.id()), ContactValues.displayName(created));
				this.history.record(trade, "owner.create", AuditOutcome.SUCCESS, "Contact " + created.id(), null);
			});
			return true;
		}
		catch (OvhException ex) {
			// A contact whose creation timed out costs nothing if it exists: it stays
			// unused in the account, and the draft can be given a new owner again.
			AuditOutcome outcome = (ex instanceof OvhException.OutcomeUnknown) ? AuditOutcome.UNKNOWN
					: AuditOutcome.FAILURE;
			this.transactions.executeWithoutResult(status -> {
				Trade trade = this.trades.lock(tradeId).orElseThrow();
				trade.error(UpdateOwner.describe(ex), ex.queryId());
				this.history.record(trade, "owner.create", outcome, UpdateOwner.describe(ex), ex.queryId());
			});
			return false;
		}
	}

	private Optional<Trade> openTrade(long agencyId, String domain) {
		List<Trade> all = this.trades.findByAgencyIdAndDomainNameOrderByIdDesc(agencyId, domain);
		return all.stream().filter(t -> !t.getStatus().isFinal()).findFirst();
	}

}
