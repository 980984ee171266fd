package io.domaindesk.clients;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.domaindesk.agency.DeskUsers;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the trade's submission asks of consent: nothing unless the agency requires it;
 * then only an agreement to the trade's current new owner lets it through, and a
 * declined, expired, waiting or missing answer says why not.
 */
@IntegrationTest
class ConsentGuardTests {

	private static final long TRADE = 990_000_001L;

	@Autowired
	Consents consents;

	@Autowired
	ConsentRequestRepository requests;

	@Autowired
	DeskUsers users;

	@Autowired
	JdbcClient jdbc;

	private long agency;

	@BeforeEach
	void required() {
		this.agency = this.users.findByUsername("bob").orElseThrow().agencyId();
		this.jdbc.sql("delete from consent_request where trade_id = :t").param("t", TRADE).update();
		mode("REQUIRED");
	}

	@AfterEach
	void optionalAgain() {
		mode("OPTIONAL");
		this.jdbc.sql("delete from consent_request where trade_id = :t").param("t", TRADE).update();
	}

	@Test
	void onlyAnAgreementToTheCurrentNewOwnerLetsARequiredTradeThrough() {
		assertThat(this.consents.refusal(this.agency, TRADE, "42")).contains("consent.blocks.missing");
		ConsentRequest waiting = request("42", Instant.now().plus(7, ChronoUnit.DAYS));
		assertThat(this.consents.refusal(this.agency, TRADE, "42")).contains("consent.blocks.waiting");
		waiting.answer(true, Instant.now(), "127.0.0.1", "test", null);
		this.requests.save(waiting);
		assertThat(this.consents.refusal(this.agency, TRADE, "42")).isEmpty();
		// The trade was given another new owner: that agreement does not count for it.
		assertThat(this.consents.refusal(this.agency, TRADE, "43")).contains("consent.blocks.missing");

		mode("OPTIONAL");
		assertThat(this.consents.refusal(this.agency, TRADE, "43")).isEmpty();
		mode("OFF");
		assertThat(this.consents.refusal(this.agency, TRADE, "43")).isEmpty();
	}

	@Test
	void aDeclinedOrExpiredRequestBlocksARequiredTrade() {
		ConsentRequest declined = request("42", Instant.now().plus(7, ChronoUnit.DAYS));
		declined.answer(false, Instant.now(), "127.0.0.1", "test", "no");
		this.requests.save(declined);
		assertThat(this.consents.refusal(this.agency, TRADE, "42")).contains("consent.blocks.declined");

		this.jdbc.sql("delete from consent_request where trade_id = :t").param("t", TRADE).update();
		request("42", Instant.now().minusSeconds(1));
		assertThat(this.consents.refusal(this.agency, TRADE, "42")).contains("consent.blocks.expired");
	}

	private ConsentRequest request(String newOwner, Instant expires) {
		String text = "text";
		return this.requests.save(new ConsentRequest(this.agency, null, TRADE, "fixture-guard.com", newOwner,
				"owner@example.net", "Owner", "en", ConsentTokens.sha256(ConsentTokens.newToken()), "bob", expires,
				text, ConsentTokens.sha256(text)));
	}

	private void mode(String mode) {
		this.jdbc.sql("""
				insert into client_settings (agency_id, consent_mode) values (:a, :m)
				on conflict (agency_id) do update set consent_mode = excluded.consent_mode
				""").param("a", this.agency).param("m", mode).update();
	}

}
