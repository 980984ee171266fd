package io.domaindesk.sandbox;

/**
 * Who signed the current request; {@code nichandle} is null on an anonymous call.
 *
 * @param nichandle the account behind the consumer key
 * @param consumerKey the consumer key used
 * @param applicationKey the application key used
 */
record Caller(String nichandle, String consumerKey, String applicationKey) {

	static final String ATTRIBUTE = "io.domaindesk.sandbox.Caller";

	static final Caller ANONYMOUS = new Caller(null, null, null);

	boolean anonymous() {
		return this.nichandle == null;
	}

	/**
	 * Routes that need an account call this; the interceptor already rejected unsigned
	 * calls.
	 */
	String nic() {
		if (this.nichandle == null) {
			throw OvhError.legacy(org.springframework.http.HttpStatus.FORBIDDEN, "NOT_CREDENTIAL",
					"You must login first");
		}
		return this.nichandle;
	}

}
