package io.domaindesk.agency;

import org.junit.jupiter.api.Test;

import io.domaindesk.infrastructure.SecretCipher;
import io.domaindesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * OVHcloud secrets at rest, on the demo connections: bound to their connection, and
 * re-encrypted under a new master key while the old one is still listed.
 */
@IntegrationTest
class OvhAccountSecretsTests {

	/** The test profile's key (application.properties: the local demo's). */
	private static final String DEMO_KEY = "local-demo-master-key-not-for-production";

	@Autowired
	OvhAccounts connections;

	@Autowired
	OvhAccountRepository accounts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecretCopiedToAnotherConnectionDoesNotDecrypt() {
		Row exemple = row("Agence Exemple");
		Row nord = row("Studio Nord");
		assertThat(exemple.secret()).startsWith("v2:1:");
		assertThat(this.connections.find(nord.agency(), nord.id()).orElseThrow().connection().applicationSecret())
			.isEqualTo("dd-demo-as-nord-0123456789abcdef");
		// Someone with write access to the database moves Agence Exemple's secret onto
		// Studio Nord's connection, hoping Studio Nord's calls will sign with it.
		setSecret(nord.id(), exemple.secret());
		try {
			assertThatIllegalStateException().isThrownBy(() -> this.connections.find(nord.agency(), nord.id()))
				.withMessageContaining("moved from another row");
		}
		finally {
			setSecret(nord.id(), nord.secret());
		}
	}

	@Test
	void aRotatedMasterKeyReadsOldValuesAndReencryptsThem() {
		Row exemple = row("Agence Exemple");
		String newKey = "rotated-master-key-0123456789abcdef-xyz";
		// Step 2 of the procedure: the new key is current, the old one listed.
		OvhAccountSecrets rotated = new OvhAccountSecrets(new SecretCipher(newKey, "2", "1:" + DEMO_KEY, "1"),
				this.accounts, this.transactions);
		OvhAccountSecrets back = new OvhAccountSecrets(new SecretCipher(DEMO_KEY, "1", "2:" + newKey, "1"),
				this.accounts, this.transactions);
		try {
			assertThat(rotated.reencrypt()).isGreaterThanOrEqualTo(2);
			assertThat(this.jdbc
				.sql("select application_secret_enc from ovh_account where application_secret_enc is not null")
				.query(String.class)
				.list()).as("every stored secret (rows other tests made without one have nothing to re-encrypt)")
				.isNotEmpty()
				.allSatisfy((value) -> assertThat(value).startsWith("v2:2:"));
			OvhAccount account = this.accounts.findById(exemple.id()).orElseThrow();
			assertThat(rotated.open(account, OvhAccountSecrets.Field.APPLICATION_SECRET))
				.isEqualTo("dd-demo-as-exemple-0123456789abcdef");
			assertThat(rotated.open(account, OvhAccountSecrets.Field.CONSUMER_KEY))
				.isEqualTo("dd-demo-ck-exemple-0123456789abcdef");
			assertThat(rotated.reencrypt()).as("nothing left to re-encrypt").isZero();
		}
		finally {
			// The shared context runs with the demo key: rotate back.
			back.reencrypt();
		}
		assertThat(this.connections.find(exemple.agency(), exemple.id()).orElseThrow().connection().consumerKey())
			.isEqualTo("dd-demo-ck-exemple-0123456789abcdef");
	}

	private record Row(long id, long agency, String secret) {
	}

	private Row row(String agency) {
		return this.jdbc
			.sql("""
					select a.id, a.agency_id, a.application_secret_enc from ovh_account a join agency g on g.id = a.agency_id
					where g.name = :name order by a.id limit 1
					""")
			.param("name", agency)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.single();
	}

	private void setSecret(long id, String value) {
		this.jdbc.sql("update ovh_account set application_secret_enc = :v where id = :id")
			.param("v", value)
			.param("id", id)
			.update();
	}

}
