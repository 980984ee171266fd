package io.domaindesk.sandbox;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each sandbox account behaves where real accounts differ: whether it has a default
 * payment method (else a paid order stays {@code notPaid}), whether OVHcloud copies the
 * new owner contact when an owner change completes, whether its owner changes go to
 * {@code error} with an argument to correct, and whether its endpoint only knows the
 * older {@code /me/paymentMean/*} routes (no {@code /me/payment/method}). Kept in the
 * sandbox's store, so every instance sees the same switches.
 */
@Component
@ConditionalOnSandbox
class AccountSettings {

	static final String KIND = "accountSettings";

	/** The nichandle of the second demo account, which shows the unhappy defaults. */
	static final String STUDIO_NORD = "sn2000-ovh";

	private final ObjectStore store;

	AccountSettings(ObjectStore store) {
		this.store = store;
	}

	/** The account's settings, created with its defaults on first use. */
	@Transactional
	ObjectNode of(String nichandle) {
		return this.store.find(KIND, nichandle).orElseGet(() -> {
			ObjectNode settings = Json.object();
			// The second demo account has a card that is not the default one, and gets
			// owner copies: the demo shows both behaviours without switching anything.
			boolean nord = STUDIO_NORD.equals(nichandle);
			settings.put("payment",
					(nord ? SandboxAccounts.Payment.REGISTERED : SandboxAccounts.Payment.DEFAULT).name());
			settings.put("copyOwnerOnTrade", nord);
			settings.put("tradeTaskError", false);
			settings.put("paymentMethodId", this.store.nextId());
			this.store.insert(KIND, nichandle, List.of(nichandle), null, settings);
			return settings;
		});
	}

	SandboxAccounts.Payment payment(String nichandle) {
		return SandboxAccounts.Payment.valueOf(Json.text(of(nichandle), "payment"));
	}

	long paymentMethodId(String nichandle) {
		return of(nichandle).path("paymentMethodId").asLong();
	}

	boolean copyOwnerOnTrade(String nichandle) {
		return Json.bool(of(nichandle), "copyOwnerOnTrade");
	}

	/**
	 * Whether the account is served as by an endpoint whose schema lacks
	 * {@code /me/payment/method}: absent from {@code /me.json}, 404 when called.
	 */
	boolean paymentMeanRoutesOnly(String nichandle) {
		return Json.bool(of(nichandle), "paymentMeanRoutesOnly");
	}

	boolean tradeTaskError(String nichandle) {
		return Json.bool(of(nichandle), "tradeTaskError");
	}

	@Transactional
	void set(String nichandle, String field, Object value) {
		ObjectNode settings = of(nichandle);
		if (value instanceof Boolean flag) {
			settings.put(field, flag);
		}
		else {
			settings.put(field, String.valueOf(value));
		}
		this.store.updateDoc(KIND, nichandle, settings);
	}

}
