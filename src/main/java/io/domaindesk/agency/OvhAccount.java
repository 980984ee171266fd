package io.domaindesk.agency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One OVHcloud account an agency connected. Secrets are stored only in encrypted form;
 * decrypting them is the job of {@link OvhAccounts}, so no entity ever holds a clear
 * secret.
 */
@Entity
@Table(name = "ovh_account")
class OvhAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agency_id", nullable = false)
	private Long agencyId;

	@Column(nullable = false)
	private String label;

	@Column(nullable = false)
	private String endpoint;

	@Column(name = "application_key")
	private String applicationKey;

	@Column(name = "application_secret_enc")
	private String applicationSecretEnc;

	@Column(name = "consumer_key_enc")
	private String consumerKeyEnc;

	@Column(name = "oauth_client_id")
	private String oauthClientId;

	@Column(name = "oauth_client_secret_enc")
	private String oauthClientSecretEnc;

	@Column(name = "requests_per_minute", nullable = false)
	private int requestsPerMinute = 60;

	private String nichandle;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	protected OvhAccount() {
	}

	OvhAccount(Long agencyId, String label, String endpoint) {
		this.agencyId = agencyId;
		this.label = label;
		this.endpoint = endpoint;
	}

	void useApplicationKeys(String applicationKey, String applicationSecretEnc, String consumerKeyEnc) {
		this.applicationKey = applicationKey;
		this.applicationSecretEnc = applicationSecretEnc;
		this.consumerKeyEnc = consumerKeyEnc;
		this.oauthClientId = null;
		this.oauthClientSecretEnc = null;
	}

	/** The same secrets sealed again, under the current master key. */
	void sealAgain(String applicationSecretEnc, String consumerKeyEnc, String oauthClientSecretEnc) {
		this.applicationSecretEnc = applicationSecretEnc;
		this.consumerKeyEnc = consumerKeyEnc;
		this.oauthClientSecretEnc = oauthClientSecretEnc;
	}

	/** The consumer key OVHcloud issued, or a newer one after a reconnection. */
	void useConsumerKey(String consumerKeyEnc) {
		this.consumerKeyEnc = consumerKeyEnc;
	}

	/** Remembered once a test of the connection has read {@code GET /me}. */
	void connectedAs(String nichandle) {
		this.nichandle = nichandle;
	}

	/**
	 * OVHcloud's guidance is about 60 calls a minute per consumer key; a sandbox or a
	 * special agreement allows more.
	 */
	void limitTo(int requestsPerMinute) {
		if (requestsPerMinute < 1 || requestsPerMinute > 6000) {
			throw new IllegalArgumentException("Requests per minute must be between 1 and 6000");
		}
		this.requestsPerMinute = requestsPerMinute;
	}

	Long getId() {
		return this.id;
	}

	Long getAgencyId() {
		return this.agencyId;
	}

	String getLabel() {
		return this.label;
	}

	String getEndpoint() {
		return this.endpoint;
	}

	String getApplicationKey() {
		return this.applicationKey;
	}

	String getApplicationSecretEnc() {
		return this.applicationSecretEnc;
	}

	String getConsumerKeyEnc() {
		return this.consumerKeyEnc;
	}

	String getOauthClientId() {
		return this.oauthClientId;
	}

	String getOauthClientSecretEnc() {
		return this.oauthClientSecretEnc;
	}

	int getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	String getNichandle() {
		return this.nichandle;
	}

}
