package io.domaindesk.ovh;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an OVHcloud error answer into the matching {@link OvhException}. Both body shapes
 * exist in the wild: {@code {"class":…,"message":…,"details":…}} and the legacy
 * {@code {"errorCode":…,"httpCode":…,"message":…}}; load balancers answer HTML or
 * nothing.
 */
final class OvhErrors {

	private static final int MAX_TEXT = 300;

	private static final int MAX_DETAILS = 20;

	private static final Set<String> DEAD_CREDENTIAL = Set.of("INVALID_CREDENTIAL", "NOT_CREDENTIAL", "INVALID_KEY");

	private static final Pattern DEAD_CREDENTIAL_MESSAGE = Pattern
		.compile("(?i)(this credential (is not valid|does not exist)|invalid application key)");

	private static final Pattern TIME_TROUBLE = Pattern.compile("(?i)(invalid signature|\\btime(stamp)?\\b)");

	private OvhErrors() {
	}

	static OvhException.Failure failure(JsonMapper mapper, int status, String body, String queryId, String method,
			String template) {
		String errorClass = null;
		String message = null;
		Map<String, String> details = new LinkedHashMap<>();
		String text = (body != null) ? body.strip() : "";
		JsonNode json = parse(mapper, text);
		if (json != null && json.isObject()) {
			errorClass = textOf(json, "class");
			if (errorClass == null) {
				errorClass = textOf(json, "errorCode");
			}
			message = truncate(textOf(json, "message"));
			JsonNode detailNode = json.get("details");
			if (detailNode != null && detailNode.isObject()) {
				for (Map.Entry<String, JsonNode> entry : detailNode.properties()) {
					JsonNode value = entry.getValue();
					if (details.size() < MAX_DETAILS) {
						details.put(truncate(entry.getKey()),
								truncate(value.isValueNode() ? value.asString() : value.toString()));
					}
				}
			}
		}
		// Anything but OVHcloud's JSON error (an HTML page, a proxy's text, whatever a
		// custom endpoint answers) is never passed on: only its status is.
		if (message == null && text.isEmpty()) {
			message = "empty response body";
		}
		return new OvhException.Failure(status, errorClass, message, details, queryId, method, template);
	}

	static OvhException toException(OvhException.Failure failure) {
		int status = failure.status();
		String code = (failure.errorClass() != null) ? failure.errorClass() : "";
		String message = (failure.message() != null) ? failure.message() : "";
		if (status == 400) {
			return code.contains("DOMDOCRuleNotRespected") ? new OvhException.RuleViolation(failure)
					: new OvhException.BadRequest(failure);
		}
		if (status == 401) {
			return new OvhException.InvalidCredential(failure);
		}
		if (status == 403) {
			if (code.equals("NOT_GRANTED_CALL") || message.toLowerCase(Locale.ROOT).contains("has not been granted")) {
				return new OvhException.CallNotGranted(failure);
			}
			if (DEAD_CREDENTIAL.contains(code) || DEAD_CREDENTIAL_MESSAGE.matcher(message).find()) {
				return new OvhException.InvalidCredential(failure);
			}
			return new OvhException.Forbidden(failure);
		}
		if (status == 404) {
			return new OvhException.NotFound(failure);
		}
		if (status == 409) {
			return new OvhException.Conflict(failure);
		}
		if (status == 460) {
			return new OvhException.Expired(failure);
		}
		if (status == 429) {
			return new OvhException.RateLimited(failure);
		}
		if (status >= 500) {
			return new OvhException.ServerError(failure);
		}
		return new OvhException(failure, null);
	}

	/**
	 * A refused signature or timestamp usually means our idea of OVHcloud's clock is
	 * stale.
	 */
	static boolean isClockTrouble(OvhException.Failure failure) {
		int status = failure.status();
		if (status != 400 && status != 401 && status != 403) {
			return false;
		}
		String code = (failure.errorClass() != null) ? failure.errorClass() : "";
		if (code.equals("INVALID_SIGNATURE") || code.equals("QUERY_TIME_OUT")) {
			return true;
		}
		return failure.message() != null && TIME_TROUBLE.matcher(failure.message()).find();
	}

	/**
	 * A write refused for its signature or its timestamp was checked before anything ran,
	 * so it may be sent once more with a fresh clock. Only the two codes OVHcloud uses
	 * for that, with the statuses they come with (notes §2.2: {@code INVALID_SIGNATURE}
	 * 400, {@code QUERY_TIME_OUT}): a refusal recognised only by its words could come
	 * from a handler that already did something.
	 */
	static boolean isRefusedBeforeRunning(OvhException.Failure failure) {
		int status = failure.status();
		if (status != 400 && status != 401 && status != 403) {
			return false;
		}
		String code = (failure.errorClass() != null) ? failure.errorClass() : "";
		return code.equals("INVALID_SIGNATURE") || code.equals("QUERY_TIME_OUT");
	}

	private static JsonNode parse(JsonMapper mapper, String text) {
		if (!text.startsWith("{")) {
			return null;
		}
		try {
			return mapper.readTree(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String textOf(JsonNode json, String field) {
		JsonNode node = json.get(field);
		return (node != null && !node.isNull()) ? node.asString() : null;
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT) + "…";
	}

}
