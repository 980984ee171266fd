package io.domaindesk.agency;

import java.util.List;

import io.domaindesk.infrastructure.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secrets of an OVHcloud connection, sealed to their place: the associated data names
 * the agency, the connection and the field, so a value copied to another connection (or
 * agency, or field) does not decrypt. After a master key rotation, and for values written
 * before key ids existed, {@link #reencrypt()} seals every stale value again under the
 * current key: at start-up and hourly (once across instances).
 */
@Component
class OvhAccountSecrets {

	private static final Logger log = LoggerFactory.getLogger(OvhAccountSecrets.class);

	enum Field {

		APPLICATION_SECRET, CONSUMER_KEY, OAUTH_CLIENT_SECRET

	}

	private final SecretCipher cipher;

	private final OvhAccountRepository accounts;

	private final TransactionTemplate transactions;

	OvhAccountSecrets(SecretCipher cipher, OvhAccountRepository accounts, TransactionTemplate transactions) {
		this.cipher = cipher;
		this.accounts = accounts;
		this.transactions = transactions;
	}

	/** The account must have its id: save it first. */
	String seal(OvhAccount account, Field field, String plain) {
		return this.cipher.encrypt(plain, binding(account, field));
	}

	String open(OvhAccount account, Field field) {
		return this.cipher.decrypt(stored(account, field), binding(account, field));
	}

	static String binding(OvhAccount account, Field field) {
		if (account.getId() == null) {
			throw new IllegalStateException("Save the OVHcloud account before sealing its secrets");
		}
		return "ovh_account/agency=" + account.getAgencyId() + "/account=" + account.getId() + "/"
				+ field.name().toLowerCase(java.util.Locale.ROOT);
	}

	private static String stored(OvhAccount account, Field field) {
		return switch (field) {
			case APPLICATION_SECRET -> account.getApplicationSecretEnc();
			case CONSUMER_KEY -> account.getConsumerKeyEnc();
			case OAUTH_CLIENT_SECRET -> account.getOauthClientSecretEnc();
		};
	}

	@EventListener(ApplicationReadyEvent.class)
	void reencryptAtStart() {
		reencrypt();
	}

	/**
	 * Seals every value under an older key (or in the format before key ids) again under
	 * the current key. A value that does not open is left as it is and logged: it is
	 * either tampered with or needs a key that is not configured.
	 * @return how many connections were re-encrypted
	 */
	@Scheduled(cron = "${domaindesk.secrets.reencrypt-cron:0 41 * * * *}")
	@SchedulerLock(name = "secrets-reencrypt", lockAtMostFor = "PT30M")
	int reencrypt() {
		List<Long> ids = this.transactions.execute((status) -> this.accounts.findAll()
			.stream()
			.filter((a) -> this.cipher.isStale(a.getApplicationSecretEnc())
					|| this.cipher.isStale(a.getConsumerKeyEnc()) || this.cipher.isStale(a.getOauthClientSecretEnc()))
			.map(OvhAccount::getId)
			.toList());
		int done = 0;
		for (long id : ids) {
			try {
				this.transactions.executeWithoutResult((status) -> {
					OvhAccount account = this.accounts.findById(id).orElseThrow();
					account.sealAgain(reseal(account, Field.APPLICATION_SECRET), reseal(account, Field.CONSUMER_KEY),
							reseal(account, Field.OAUTH_CLIENT_SECRET));
					this.accounts.save(account);
				});
				done++;
			}
			catch (IllegalStateException ex) {
				log.error("The secrets of OVHcloud connection {} do not decrypt: {}", id, ex.getMessage());
			}
		}
		if (done > 0) {
			log.info("Re-encrypted the secrets of {} OVHcloud connection(s) under master key {}", done,
					this.cipher.currentKeyId());
		}
		return done;
	}

	private String reseal(OvhAccount account, Field field) {
		String stored = stored(account, field);
		return this.cipher.isStale(stored) ? seal(account, field, open(account, field)) : stored;
	}

}
