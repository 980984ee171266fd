package io.domaindesk.trades;

/**
 * A step the trade's state or the agency's rules do not allow; the code is a message key
 * shown to the user as is.
 */
class TradeRefused extends RuntimeException {

	private final String code;

	TradeRefused(String code) {
		super(code, null, false, false);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
