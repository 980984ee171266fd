package io.domaindesk.ovh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every failure of an OVHcloud call. Subtypes say what the caller can do about it; the
 * {@link #queryId()} is what OVHcloud support asks for.
 */
public class OvhException extends RuntimeException {

	private final int status;

	private final String errorClass;

	private final String serverMessage;

	private final Map<String, String> details;

	private final String queryId;

	private final String method;

	private final String path;

	OvhException(Failure failure, Throwable cause) {
		super(failure.describe(), cause);
		this.status = failure.status();
		this.errorClass = failure.errorClass();
		this.serverMessage = failure.message();
		this.details = Collections.unmodifiableMap(new LinkedHashMap<>(failure.details()));
		this.queryId = failure.queryId();
		this.method = failure.method();
		this.path = failure.path();
	}

	/**
	 * HTTP status, or 0 when no response was received.
	 */
	public int status() {
		return this.status;
	}

	/**
	 * OVHcloud {@code class} (e.g. {@code Client::NotFound}) or legacy {@code errorCode}
	 * (e.g. {@code INVALID_SIGNATURE}); null when the body had neither.
	 */
	public String errorClass() {
		return this.errorClass;
	}

	/**
	 * The server's own words (or the start of a non-JSON body), without our decoration.
	 */
	public String serverMessage() {
		return this.serverMessage;
	}

	/**
	 * What to tell a user: OVHcloud's own message when it sent one, otherwise what
	 * happened in plain words — never the HTML error page of a load balancer. The
	 * {@link #queryId()} goes beside it.
	 */
	public String inWords() {
		// No answer at all: what we hold is a Java exception's text, which means nothing
		// to a user.
		if (this instanceof OutcomeUnknown) {
			return "OVHcloud did not answer in time; whether the change was made is being checked";
		}
		if (this instanceof NetworkError) {
			return "OVHcloud could not be reached";
		}
		if (this instanceof Expired) {
			// OVHcloud's own text for this status is often a bare "expired": say what
			// expired and that nothing was changed.
			String said = (this.serverMessage != null && !this.serverMessage.isBlank()
					&& !this.serverMessage.strip().startsWith("<")) ? ": " + bounded(this.serverMessage.strip()) : "";
			return Expired.IN_WORDS + said;
		}
		String message = (this.serverMessage != null) ? this.serverMessage.strip() : "";
		if (!message.isEmpty() && !message.startsWith("<")) {
			return bounded(message);
		}
		if (this.status == 429) {
			return "OVHcloud is limiting the rate of calls (HTTP 429); try again in a minute";
		}
		if (this.status >= 500) {
			return "OVHcloud had a server error (HTTP " + this.status + ")";
		}
		return "OVHcloud refused the request (HTTP " + this.status + ")";
	}

	private static String bounded(String message) {
		return (message.length() > 300) ? message.substring(0, 300) + "…" : message;
	}

	/**
	 * OVHcloud {@code details}, e.g. {@code owner.city -> Field "city" is required}.
	 */
	public Map<String, String> details() {
		return this.details;
	}

	/**
	 * Value of {@code X-Ovh-QueryID}, null when the response had none.
	 */
	public String queryId() {
		return this.queryId;
	}

	public String method() {
		return this.method;
	}

	/**
	 * Path template of the call, e.g. {@code /domain/{serviceName}/task/{id}}.
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Whether trying the same call later may succeed without changing anything.
	 */
	public boolean isTransient() {
		return false;
	}

	/** 404: the service or object does not exist, or this account cannot see it. */
	public static class NotFound extends OvhException {

		NotFound(Failure failure) {
			super(failure, null);
		}

	}

	/** 400: the request was refused as invalid. */
	public static class BadRequest extends OvhException {

		BadRequest(Failure failure) {
			super(failure, null);
		}

	}

	/**
	 * 400 {@code DOMDOCRuleNotRespected}: eligibility rules not met; see
	 * {@link #violations()}.
	 */
	public static class RuleViolation extends BadRequest {

		RuleViolation(Failure failure) {
			super(failure);
		}

		/**
		 * Per-field messages (keys such as {@code owner.city}), without the
		 * {@code _date}, {@code _id}, {@code _message} bookkeeping entries.
		 */
		public Map<String, String> violations() {
			Map<String, String> fields = new LinkedHashMap<>();
			details().forEach((key, value) -> {
				if (!key.startsWith("_")) {
					fields.put(key, value);
				}
			});
			return fields;
		}

	}

	/** 403 that is neither a missing access rule nor a dead credential (IAM denial…). */
	public static class Forbidden extends OvhException {

		Forbidden(Failure failure) {
			super(failure, null);
		}

	}

	/**
	 * 403 {@code NOT_GRANTED_CALL}: the consumer key's access rules do not cover this
	 * method and path.
	 */
	public static class CallNotGranted extends Forbidden {

		CallNotGranted(Failure failure) {
			super(failure);
		}

	}

	/**
	 * The credential is unknown, expired or revoked ({@code INVALID_CREDENTIAL},
	 * {@code NOT_CREDENTIAL}, {@code INVALID_KEY}, OAuth2 rejection): the account must be
	 * connected again.
	 */
	public static class InvalidCredential extends Forbidden {

		InvalidCredential(Failure failure) {
			super(failure);
		}

	}

	/**
	 * 460: the resource has expired, e.g. a domain service past its expiration or a
	 * request left unanswered too long (notes §2.2; python-ovh
	 * {@code ResourceExpiredError}). Nothing was done; trying again does not help until
	 * the service is renewed.
	 */
	public static class Expired extends OvhException {

		/** How {@link #inWords()} starts for this error, whatever OVHcloud added. */
		public static final String IN_WORDS = "Expired at OVHcloud (HTTP 460), nothing was changed";

		Expired(Failure failure) {
			super(failure, null);
		}

	}

	/** 409: the object exists already or is in a state that forbids the change. */
	public static class Conflict extends OvhException {

		Conflict(Failure failure) {
			super(failure, null);
		}

	}

	/** 429, or our own limiter could not give a permit in time. */
	public static class RateLimited extends OvhException {

		RateLimited(Failure failure) {
			super(failure, null);
		}

		@Override
		public boolean isTransient() {
			return true;
		}

	}

	/** 5xx. */
	public static class ServerError extends OvhException {

		ServerError(Failure failure) {
			super(failure, null);
		}

		@Override
		public boolean isTransient() {
			return true;
		}

	}

	/**
	 * No usable answer (connection refused, reset, timeout) for a call that could not
	 * have changed anything: a read, or a write that never left this machine.
	 */
	public static class NetworkError extends OvhException {

		NetworkError(Failure failure, Throwable cause) {
			super(failure, cause);
		}

		@Override
		public boolean isTransient() {
			return true;
		}

	}

	/**
	 * A write (POST/PUT/DELETE) was sent but no answer came back: OVHcloud may or may not
	 * have applied it. Never retried automatically; reconcile by reading.
	 */
	public static class OutcomeUnknown extends OvhException {

		OutcomeUnknown(Failure failure, Throwable cause) {
			super(failure, cause);
		}

	}

	/**
	 * What we know about one failed call; built by the transport.
	 */
	record Failure(int status, String errorClass, String message, Map<String, String> details, String queryId,
			String method, String path) {

		Failure {
			details = (details != null) ? details : Map.of();
		}

		String describe() {
			StringBuilder text = new StringBuilder("OVHcloud ");
			text.append(this.method).append(' ').append(this.path).append(" failed");
			if (this.status > 0) {
				text.append(" (HTTP ").append(this.status).append(')');
			}
			if (this.errorClass != null) {
				text.append(' ').append(this.errorClass);
			}
			if (this.message != null && !this.message.isBlank()) {
				text.append(": ").append(this.message);
			}
			if (this.queryId != null) {
				text.append(" [QueryID ").append(this.queryId).append(']');
			}
			return text.toString();
		}

	}

}
