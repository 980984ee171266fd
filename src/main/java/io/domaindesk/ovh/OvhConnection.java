package io.domaindesk.ovh;

import java.util.Locale;

/**
 * How to reach one OVHcloud account: an endpoint plus either application keys (AK/AS and
 * the customer's CK) or an OAuth2 service account (client id/secret).
 *
 * @param endpoint {@code ovh-eu}, {@code ovh-ca}, {@code ovh-us} or a base URL such as
 * {@code http://127.0.0.1:8080/ovh-sandbox/1.0}
 * @param applicationKey AK, sent in clear in {@code X-Ovh-Application}
 * @param applicationSecret AS, only ever used to sign
 * @param consumerKey CK; may be null before the customer validated a credential request
 * @param clientId OAuth2 client id (service account)
 * @param clientSecret OAuth2 client secret
 * @param tokenUrl OAuth2 token URL; null for the endpoint's default
 * @param requestsPerMinute client-side throttle; 0 or less means 60
 */
public record OvhConnection(String endpoint, String applicationKey, String applicationSecret, String consumerKey,
		String clientId, String clientSecret, String tokenUrl, int requestsPerMinute) {

	public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;

	public OvhConnection {
		if (isBlank(endpoint)) {
			throw new IllegalArgumentException("OVHcloud endpoint is required");
		}
		endpoint = endpoint.strip();
		boolean keys = !isBlank(applicationKey) || !isBlank(applicationSecret);
		boolean oauth2 = !isBlank(clientId) || !isBlank(clientSecret);
		if (keys && oauth2) {
			throw new IllegalArgumentException("Use either application keys or an OAuth2 client, not both");
		}
		if (!keys && !oauth2) {
			throw new IllegalArgumentException(
					"An application key and secret, or an OAuth2 client id and secret, are required");
		}
		if (keys && (isBlank(applicationKey) || isBlank(applicationSecret))) {
			throw new IllegalArgumentException("Both the application key and the application secret are required");
		}
		if (oauth2 && (isBlank(clientId) || isBlank(clientSecret))) {
			throw new IllegalArgumentException("Both the OAuth2 client id and the client secret are required");
		}
		if (isBlank(consumerKey)) {
			consumerKey = null;
		}
		if (isBlank(tokenUrl)) {
			tokenUrl = null;
		}
		if (requestsPerMinute <= 0) {
			requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
		}
		baseUrl(endpoint);
	}

	public static OvhConnection ofKeys(String endpoint, String applicationKey, String applicationSecret,
			String consumerKey) {
		return new OvhConnection(endpoint, applicationKey, applicationSecret, consumerKey, null, null, null, 0);
	}

	public static OvhConnection ofOAuth2(String endpoint, String clientId, String clientSecret) {
		return new OvhConnection(endpoint, null, null, null, clientId, clientSecret, null, 0);
	}

	public OvhConnection withConsumerKey(String consumerKey) {
		return new OvhConnection(this.endpoint, this.applicationKey, this.applicationSecret, consumerKey, this.clientId,
				this.clientSecret, this.tokenUrl, this.requestsPerMinute);
	}

	public OvhConnection withTokenUrl(String tokenUrl) {
		return new OvhConnection(this.endpoint, this.applicationKey, this.applicationSecret, this.consumerKey,
				this.clientId, this.clientSecret, tokenUrl, this.requestsPerMinute);
	}

	public OvhConnection withRequestsPerMinute(int requestsPerMinute) {
		return new OvhConnection(this.endpoint, this.applicationKey, this.applicationSecret, this.consumerKey,
				this.clientId, this.clientSecret, this.tokenUrl, requestsPerMinute);
	}

	public boolean isOAuth2() {
		return this.clientId != null && !this.clientId.isBlank();
	}

	public boolean hasConsumerKey() {
		return this.consumerKey != null;
	}

	/**
	 * The API root without a trailing slash, e.g. {@code https://eu.api.ovh.com/1.0}.
	 */
	public String baseUrl() {
		return baseUrl(this.endpoint);
	}

	public String oauth2TokenUrl() {
		if (this.tokenUrl != null) {
			return this.tokenUrl;
		}
		return switch (this.endpoint.toLowerCase(Locale.ROOT)) {
			case "ovh-eu" -> "https://www.ovh.com/auth/oauth2/token";
			case "ovh-ca" -> "https://ca.ovh.com/auth/oauth2/token";
			case "ovh-us" -> "https://us.ovhcloud.com/auth/oauth2/token";
			// A custom base URL (sandbox, proxy) serves the token next to the API root.
			default -> stripVersion(baseUrl()) + "/auth/oauth2/token";
		};
	}

	private static String baseUrl(String endpoint) {
		String url = switch (endpoint.toLowerCase(Locale.ROOT)) {
			case "ovh-eu" -> "https://eu.api.ovh.com/1.0";
			case "ovh-ca" -> "https://ca.api.ovh.com/1.0";
			case "ovh-us" -> "https://api.us.ovhcloud.com/1.0";
			default -> endpoint;
		};
		if (!url.startsWith("https://") && !url.startsWith("http://")) {
			throw new IllegalArgumentException(
					"Unknown OVHcloud endpoint (use ovh-eu, ovh-ca, ovh-us or an http(s) URL): " + endpoint);
		}
		// No user info, query or fragment, whoever configured it: each would change where
		// or what the signed calls go to.
		OvhEndpointGuard.parse(url);
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url;
	}

	private static String stripVersion(String baseUrl) {
		for (String suffix : new String[] { "/1.0", "/v1" }) {
			if (baseUrl.endsWith(suffix)) {
				return baseUrl.substring(0, baseUrl.length() - suffix.length());
			}
		}
		return baseUrl;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("OvhConnection[endpoint=").append(this.endpoint);
		if (isOAuth2()) {
			text.append(", clientId=").append(this.clientId).append(", clientSecret=***");
		}
		else {
			text.append(", applicationKey=")
				.append(this.applicationKey)
				.append(", applicationSecret=***, consumerKey=")
				.append(this.consumerKey != null ? "***" : "none");
		}
		return text.append(", requestsPerMinute=").append(this.requestsPerMinute).append(']').toString();
	}

}
