package io.domaindesk.trades;

import java.time.Instant;
import java.util.List;

import io.domaindesk.audit.AuditOutcome;
import io.domaindesk.ovh.Cart;
import io.domaindesk.ovh.CartCreation;
import io.domaindesk.ovh.CartItem;
import io.domaindesk.ovh.ConfigurationRequirement;
import io.domaindesk.ovh.DomainServiceOptionCreation;
import io.domaindesk.ovh.Nichandle;
import io.domaindesk.ovh.Order;
import io.domaindesk.ovh.OvhClient;
import io.domaindesk.ovh.OvhException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 3, the dry run: a cart carrying our trade id in its description, assigned to the
 * account, with the trade item ({@code P0Y}, quantity 1, plan and pricing mode from step
 * 1) and {@code OWNER_CONTACT}, priced by {@code GET /order/cart/{id}/checkout}. Nothing
 * is bought; a cart that is not checked out expires by itself, so a failed or repeated
 * dry run leaves nothing to clean up.
 */
@Component
class PrepareCart {

	private final TradeRepository trades;

	private final TradeConnections connections;

	private final TradeHistory history;

	private final TransactionTemplate transactions;

	PrepareCart(TradeRepository trades, TradeConnections connections, TradeHistory history,
			TransactionTemplate transactions) {
		this.trades = trades;
		this.connections = connections;
		this.history = history;
		this.transactions = transactions;
	}

	static String description(long tradeId) {
		return "DomainDesk trade " + tradeId;
	}

	/** Returns whether the cart is priced; otherwise the trade carries the error. */
	@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'STAFF')")
	boolean prepare(long tradeId) {
		Trade trade = this.transactions.execute(status -> {
			Trade locked = this.trades.lock(tradeId).orElseThrow();
			if (!TradeStatus.BEFORE_CHECKOUT.contains(locked.getStatus()) || locked.getNewOwnerContactId() == null) {
				throw new TradeRefused("trade.refused.state");
			}
			this.history.record(locked, "dryrun", AuditOutcome.PENDING, null, null);
			return locked;
		});
		OvhClient client = this.connections.client(trade.getAgencyId(), trade.getOvhAccountId());
		String step = "cart";
		try {
			Nichandle me = client.me().get();
			String subsidiary = (me.ovhSubsidiary() != null) ? me.ovhSubsidiary() : "FR";
			Cart cart = client.orders().createCart(new CartCreation(description(tradeId), null, subsidiary));
			step = "assign";
			client.orders().assignCart(cart.cartId());
			step = "item";
			CartItem item = client.orders()
				.addDomainServiceOption(trade.getDomainName(), new DomainServiceOptionCreation(cart.cartId(), "P0Y",
						trade.getPlanCode(), trade.getPricingMode(), 1L));
			step = "configuration";
			List<ConfigurationRequirement> required = client.orders()
				.requiredConfiguration(cart.cartId(), item.itemId());
			for (ConfigurationRequirement requirement : required) {
				if (Boolean.TRUE.equals(requirement.required()) && !"OWNER_CONTACT".equals(requirement.label())) {
					throw new IllegalStateException("OVHcloud also requires " + requirement.label()
							+ " for this extension, which DomainDesk does not fill in yet");
				}
			}
			client.orders()
				.addConfiguration(cart.cartId(), item.itemId(), "OWNER_CONTACT",
						"/me/contact/" + trade.getNewOwnerContactId());
			step = "checkout";
			Order preview = client.orders().checkoutPreview(cart.cartId());
			String json = ContactValues.JSON.writeValueAsString(preview);
			Instant expires = (cart.expire() != null) ? cart.expire().toInstant() : null;
			this.transactions.executeWithoutResult(status -> {
				Trade locked = this.trades.lock(tradeId).orElseThrow();
				locked.priced(cart.cartId(), item.itemId(), expires, json);
				this.history.record(locked, "dryrun", AuditOutcome.SUCCESS, "Cart " + cart.cartId() + ", item "
						+ item.itemId() + ", total " + TradePreview.of(json).total(), null);
			});
			return true;
		}
		catch (OvhException ex) {
			fail(tradeId, step, UpdateOwner.describe(ex), ex.queryId());
		}
		catch (IllegalStateException ex) {
			fail(tradeId, step, ex.getMessage(), null);
		}
		return false;
	}

	private void fail(long tradeId, String step, String message, String queryId) {
		this.transactions.executeWithoutResult(status -> {
			Trade locked = this.trades.lock(tradeId).orElseThrow();
			locked.error(message, queryId);
			this.history.record(locked, "dryrun", AuditOutcome.FAILURE, step + ": " + message, queryId);
		});
	}

}
