package io.domaindesk.trades;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.clients.Consents;
import io.domaindesk.domains.Inventory;
import io.domaindesk.ovh.DomainContact;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Asks the current owner to agree to a trade before it is submitted: the owner and the
 * new owner read fresh from OVHcloud, only the fields that differ, and the price of the
 * dry run. The clients module stores the request and has it e-mailed.
 */
@Component
class RequestConsent {

	private final CurrentUser currentUser;

	private final TradeRepository trades;

	private final Inventory inventory;

	private final OwnerContact owners;

	private final TradeConnections connections;

	private final Consents consents;

	RequestConsent(CurrentUser currentUser, TradeRepository trades, Inventory inventory, OwnerContact owners,
			TradeConnections connections, Consents consents) {
		this.currentUser = currentUser;
		this.trades = trades;
		this.inventory = inventory;
		this.owners = owners;
		this.connections = connections;
		this.consents = consents;
	}

	/** The refusal's message key, empty when the request was sent. */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	Optional<String> request(long tradeId) {
		long agencyId = this.currentUser.agencyId();
		Trade trade = this.trades.findByIdAndAgencyId(tradeId, agencyId).orElseThrow();
		if (!TradeStatus.BEFORE_CHECKOUT.contains(trade.getStatus()) || trade.getNewOwnerContactId() == null
				|| trade.getStatus() == TradeStatus.AWAITING_APPROVAL) {
			return Optional.of("consent.refused.state");
		}
		Inventory.InventoryDomain domain = this.inventory.find(agencyId, trade.getDomainName()).orElseThrow();
		OwnerContact.Owner current = this.owners.read(agencyId, domain, "trade");
		DomainContact next = this.connections.client(agencyId, domain.ovhAccountId())
			.contacts()
			.domainContact(Long.parseLong(trade.getNewOwnerContactId()));
		Map<String, String> after = ContactValues.flatten(next);
		Set<String> fields = new LinkedHashSet<>(current.values().keySet());
		fields.addAll(after.keySet());
		List<Consents.Change> changes = new ArrayList<>();
		for (String field : fields) {
			String before = current.values().get(field);
			String now = after.get(field);
			if (!Objects.equals(blankToNull(before), blankToNull(now))) {
				changes.add(new Consents.Change(field, before, now));
			}
		}
		TradePreview preview = TradePreview.of(trade.getPreviewJson());
		String price = (preview != null && preview.total() != null) ? preview.total() : trade.getOptionPrice();
		return this.consents.request(new Consents.Terms(tradeId, trade.getDomainName(), trade.getNewOwnerContactId(),
				current.contact().email(), ContactValues.displayName(current.contact()), current.contact().language(),
				changes, price));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
