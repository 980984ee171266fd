package io.domaindesk.sandbox;

import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An error answered with OVHcloud's own body shape.
 */
class OvhError extends RuntimeException {

	private final HttpStatusCode status;

	private final transient ObjectNode body;

	OvhError(HttpStatusCode status, ObjectNode body) {
		super(Json.text(body, "message"));
		this.status = status;
		this.body = body;
	}

	HttpStatusCode status() {
		return this.status;
	}

	ObjectNode body() {
		return this.body;
	}

	static OvhError of(HttpStatus status, String errorClass, String message) {
		ObjectNode body = Json.object();
		body.put("class", errorClass);
		body.put("message", message);
		return new OvhError(status, body);
	}

	/** The legacy shape OVHcloud still uses for authentication errors. */
	static OvhError legacy(HttpStatus status, String errorCode, String message) {
		ObjectNode body = Json.object();
		body.put("errorCode", errorCode);
		body.put("httpCode", status.value() + " " + status.getReasonPhrase());
		body.put("message", message);
		return new OvhError(status, body);
	}

	static OvhError notFound() {
		return of(HttpStatus.NOT_FOUND, "Client::NotFound", "This service does not exist");
	}

	static OvhError notFound(String message) {
		return of(HttpStatus.NOT_FOUND, "Client::NotFound", message);
	}

	static OvhError objectNotFound(Object id) {
		return of(HttpStatus.NOT_FOUND, "Client::NotFound", "The requested object (id = " + id + ") does not exist");
	}

	static OvhError badRequest(String message) {
		return of(HttpStatus.BAD_REQUEST, "Client::BadRequest", message);
	}

	static OvhError forbidden(String message) {
		return of(HttpStatus.FORBIDDEN, "Client::Forbidden", message);
	}

	/**
	 * HTTP 460, which OVHcloud's wrappers map to their own "resource expired" error
	 * (python-ovh {@code ResourceExpiredError}); no {@link HttpStatus} has that code.
	 */
	static OvhError expired(String message) {
		ObjectNode body = Json.object();
		body.put("class", "Client::ResourceExpired");
		body.put("message", message);
		return new OvhError(HttpStatusCode.valueOf(460), body);
	}

	static OvhError conflict(String message) {
		return of(HttpStatus.CONFLICT, "Client::Conflict", message);
	}

	/** A failed eligibility check, with one entry per field like the rule engine. */
	static OvhError rulesNotRespected(Map<String, String> violations, String id, String date) {
		ObjectNode body = Json.object();
		body.put("class", "Client::BadRequest::DOMDOCRuleNotRespected");
		body.put("message", violations.size() + " constraints of rules are not respected");
		ObjectNode details = body.putObject("details");
		details.put("_date", date);
		details.put("_id", id);
		details.put("_message", "Input data does not respect the rule");
		violations.forEach(details::put);
		return new OvhError(HttpStatus.BAD_REQUEST, body);
	}

}
