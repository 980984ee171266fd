package io.domaindesk.sandbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON helpers. Documents are kept as Jackson trees: the sandbox speaks the schema's
 * shapes directly instead of mapping them to classes of its own.
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * OVHcloud answers in Paris time with a numeric offset, e.g.
	 * 2022-01-01T12:00:00+01:00.
	 */
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneId.of("Europe/Paris"));

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
		.withZone(ZoneId.of("Europe/Paris"));

	private Json() {
	}

	static ObjectNode object() {
		return NODES.objectNode();
	}

	static ArrayNode array() {
		return NODES.arrayNode();
	}

	static ArrayNode strings(Collection<String> values) {
		ArrayNode array = array();
		values.forEach(array::add);
		return array;
	}

	static ArrayNode longs(Collection<Long> values) {
		ArrayNode array = array();
		values.forEach(array::add);
		return array;
	}

	static JsonNode parse(String text) {
		return MAPPER.readTree(text);
	}

	static ObjectNode parseObject(String text) {
		return (ObjectNode) MAPPER.readTree(text);
	}

	static String write(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	static String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}

	static String date(Instant instant) {
		return DATE.format(instant);
	}

	static Instant instant(String dateTime) {
		return (dateTime != null) ? java.time.OffsetDateTime.parse(dateTime).toInstant() : null;
	}

	/**
	 * Returns the textual value of a field, or {@code null} when it is absent or JSON
	 * null.
	 */
	static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		return value.isValueNode() ? value.asString() : Json.write(value);
	}

	static boolean bool(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return value != null && value.asBoolean(false);
	}

	/**
	 * Drops the sandbox's private bookkeeping (fields starting with an underscore) before
	 * a document is shown to a client.
	 */
	static ObjectNode publicView(ObjectNode doc) {
		ObjectNode copy = doc.deepCopy();
		copy.properties().removeIf((entry) -> entry.getKey().startsWith("_"));
		return copy;
	}

}
