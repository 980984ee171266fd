package io.domaindesk.trades;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.domaindesk.ovh.DomainTask;
import io.domaindesk.ovh.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The trade's state machine without Spring: every step it allows, and the ones it
 * refuses.
 */
class TradeTests {

	private static Trade draft() {
		return new Trade(1, 2, "exemple.com", "old-1", "Old Owner", "domain-trade", "default", "12.00", "bob");
	}

	private static Trade ready() {
		Trade trade = draft();
		trade.newOwner("new-1", "New Owner");
		trade.priced("cart-1", 7, Instant.now().plusSeconds(3600), "{}");
		return trade;
	}

	private static Trade awaiting() {
		Trade trade = ready();
		trade.submit("bob");
		return trade;
	}

	private static Trade ordered() {
		Trade trade = awaiting();
		trade.approve("alice", true, true, true);
		trade.ordered(99L, "https://order");
		return trade;
	}

	private static DomainTask task(TaskStatus status) {
		return new DomainTask(5L, true, true, false, "comment", null, "exemple.com", null, "DomainTrade", null, status,
				null, "generic");
	}

	@Test
	void theHappyPathGoesFromDraftToDone() {
		Trade trade = draft();
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.DRAFT);
		trade.newOwner("new-1", "New Owner");
		trade.priced("cart-1", 7, Instant.now().plusSeconds(3600), "{}");
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.READY);
		trade.submit("bob");
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.AWAITING_APPROVAL);
		assertThat(trade.approvableBy("bob", true)).isFalse();
		assertThat(trade.approvableBy("alice", true)).isTrue();
		trade.approve("alice", true, true, true);
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.CHECKING_OUT);
		trade.ordered(99L, "https://order");
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.ORDERED);
		trade.task(task(TaskStatus.TODO));
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.IN_PROGRESS);
		assertThat(trade.isTaskCanAccelerate()).isTrue();
		trade.task(task(TaskStatus.DONE));
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.DONE);
		assertThat(trade.getStatus().isFinal()).isTrue();
		assertThat(trade.isTaskCanAccelerate()).isFalse();
	}

	@Test
	void aCancelledTaskFailsTheTradeWithOvhcloudsComment() {
		Trade trade = ordered();
		trade.task(task(TaskStatus.CANCELLED));
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.FAILED);
		assertThat(trade.getLastError()).isEqualTo("comment");
	}

	@Test
	void pricingNeedsANewOwnerFirst() {
		assertThatIllegalStateException()
			.isThrownBy(() -> draft().priced("cart-1", 7, Instant.now().plusSeconds(60), "{}"));
	}

	@Test
	void onlyAPricedTradeIsSubmitted() {
		assertThatExceptionOfType(TradeRefused.class).isThrownBy(() -> draft().submit("bob"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("trade.refused.state"));
	}

	@Test
	void fourEyesRefusesTheSubmitterButTheWaiverAllowsThem() {
		assertThatExceptionOfType(TradeRefused.class).isThrownBy(() -> awaiting().approve("bob", true, true, true))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("trade.refused.fourEyes"));
		Trade trade = awaiting();
		trade.approve("bob", false, true, true);
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.CHECKING_OUT);
	}

	@Test
	void approvalNeedsBothBoxesTicked() {
		assertThatExceptionOfType(TradeRefused.class).isThrownBy(() -> awaiting().approve("alice", true, false, true))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("trade.refused.boxes"));
		assertThatExceptionOfType(TradeRefused.class).isThrownBy(() -> awaiting().approve("alice", true, true, false));
	}

	@Test
	void anUnansweredCheckoutIsSettledEitherWay() {
		Trade bought = awaiting();
		bought.approve("alice", true, true, true);
		bought.checkoutUnknown("no answer");
		assertThat(bought.getStatus()).isEqualTo(TradeStatus.UNKNOWN);
		bought.ordered(1L, null);
		assertThat(bought.getStatus()).isEqualTo(TradeStatus.ORDERED);
		assertThat(bought.getLastError()).isNull();

		Trade notBought = awaiting();
		notBought.approve("alice", true, true, true);
		notBought.checkoutUnknown("no answer");
		notBought.checkoutRefused("refused", "EU.1");
		assertThat(notBought.getStatus()).isEqualTo(TradeStatus.AWAITING_APPROVAL);
		assertThat(notBought.getApprovedBy()).isNull();
		assertThat(notBought.getLastQueryId()).isEqualTo("EU.1");
	}

	@Test
	void aLostCartSendsTheTradeBackToItsDryRun() {
		Trade trade = awaiting();
		trade.cartLost("cart expired");
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.DRAFT);
		assertThat(trade.getCartId()).isNull();
		assertThatIllegalStateException().isThrownBy(() -> ordered().cartLost("too late"));
	}

	@Test
	void aNewOwnerInvalidatesThePricedCart() {
		Trade trade = awaiting();
		trade.newOwner("new-2", "Another Owner");
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.DRAFT);
		assertThat(trade.getCartId()).isNull();
	}

	@Test
	void cancellingIsForTradesNotYetOrderedAndClearsOldErrors() {
		Trade trade = awaiting();
		trade.error("old error", "EU.2");
		trade.cancel();
		assertThat(trade.getStatus()).isEqualTo(TradeStatus.CANCELLED);
		assertThat(trade.getLastError()).isNull();
		assertThatExceptionOfType(TradeRefused.class).isThrownBy(() -> ordered().cancel());
	}

	@ParameterizedTest
	@ValueSource(strings = { "DRAFT", "READY", "AWAITING_APPROVAL" })
	void nothingBeforeTheCheckoutCanBeMarkedOrderedOrFollowed(String state) {
		Trade trade = switch (TradeStatus.valueOf(state)) {
			case DRAFT -> draft();
			case READY -> ready();
			default -> awaiting();
		};
		assertThatIllegalStateException().isThrownBy(() -> trade.ordered(1L, null));
		assertThatIllegalStateException().isThrownBy(() -> trade.task(task(TaskStatus.DONE)));
		assertThatExceptionOfType(TradeRefused.class).isThrownBy(() -> trade.checkoutUnknown("x"));
	}

}
