package io.domaindesk.ovh;

import java.util.Map;

/**
 * {@code /auth}: server time, credential requests (consumer-key onboarding) and the
 * current credential.
 */
public final class OvhAuthApi {

	private final OvhTransport transport;

	OvhAuthApi(OvhTransport transport) {
		this.transport = transport;
	}

	/** {@code GET /auth/time}: OVHcloud's clock in epoch seconds. */
	public long time() {
		return this.transport.serverTime();
	}

	/**
	 * {@code GET /auth/currentCredential}: rules, expiry and status of the consumer key.
	 */
	public ApiCredential currentCredential() {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/auth/currentCredential")), ApiCredential.class);
	}

	/**
	 * {@code POST /auth/credential}: asks for a new consumer key; the customer must open
	 * {@code validationUrl} to validate it. Only the application key is sent.
	 */
	public ApiCredentialRequest requestCredential(ApiCredentialRequestParams params) {
		return this.transport.call(
				new OvhTransport.Call("POST", OvhPath.of("/auth/credential"), params, OvhTransport.Auth.NONE, Map.of()),
				ApiCredentialRequest.class);
	}

}
