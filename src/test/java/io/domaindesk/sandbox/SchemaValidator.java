package io.domaindesk.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

/**
 * Checks JSON answers against OVHcloud's v1 schema files (copied under
 * {@code src/test/resources/ovh-api-schema/v1}): required and non-nullable properties,
 * JSON types, enum values, array item types, and no property the model does not declare.
 */
final class SchemaValidator {

	static final List<String> FILES = List.of("auth", "me", "domain", "order", "newAccount");

	private final Map<String, JsonNode> models = new HashMap<>();

	private final Map<String, JsonNode> operations = new HashMap<>();

	SchemaValidator() {
		for (String file : FILES) {
			try (InputStream in = new ClassPathResource("ovh-api-schema/v1/" + file + ".json").getInputStream()) {
				JsonNode schema = SandboxClient.MAPPER.readTree(in);
				schema.get("models").properties().forEach((e) -> this.models.putIfAbsent(e.getKey(), e.getValue()));
				for (JsonNode api : schema.get("apis")) {
					for (JsonNode operation : api.get("operations")) {
						this.operations.put(operation.get("httpMethod").asString() + " " + api.get("path").asString(),
								operation);
					}
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	Optional<JsonNode> operation(String route) {
		return Optional.ofNullable(this.operations.get(route));
	}

	List<String> validate(String type, JsonNode node) {
		List<String> errors = new ArrayList<>();
		check(type, node, "$", errors);
		return errors;
	}

	private void check(String type, JsonNode node, String at, List<String> errors) {
		if (type.equals("void")) {
			if (node != null && !node.isNull()) {
				errors.add(at + ": expected null for void, got " + node);
			}
			return;
		}
		if (node == null || node.isNull()) {
			errors.add(at + ": null where " + type + " is expected");
			return;
		}
		if (type.endsWith("[]")) {
			if (!node.isArray()) {
				errors.add(at + ": expected array of " + type);
				return;
			}
			for (int i = 0; i < node.size(); i++) {
				check(type.substring(0, type.length() - 2), node.get(i), at + "[" + i + "]", errors);
			}
			return;
		}
		if (type.contains(":")) {
			type = type.substring(type.indexOf(':') + 1);
		}
		switch (type) {
			case "string", "password", "text", "phoneNumber", "ipBlock", "ipv4", "ipv6", "ipv4Block" ->
				expect(node.isString(), at, type, node, errors);
			case "uuid" -> expect(node.isString() && node.asString().matches("[0-9a-f-]{36}"), at, type, node, errors);
			case "long", "int" -> expect(node.isIntegralNumber(), at, type, node, errors);
			case "double" -> expect(node.isNumber(), at, type, node, errors);
			case "boolean" -> expect(node.isBoolean(), at, type, node, errors);
			case "datetime" ->
				expect(node.isString() && parses(() -> OffsetDateTime.parse(node.asString())), at, type, node, errors);
			case "date" ->
				expect(node.isString() && parses(() -> LocalDate.parse(node.asString())), at, type, node, errors);
			case "duration" -> expect(node.isString() && node.asString().matches("^P.*"), at, type, node, errors);
			case "map[string]string" -> {
				expect(node.isObject(), at, type, node, errors);
				node.properties().forEach((e) -> check("string", e.getValue(), at + "." + e.getKey(), errors));
			}
			default -> model(type, node, at, errors);
		}
	}

	private void model(String type, JsonNode node, String at, List<String> errors) {
		JsonNode model = this.models.get(type);
		if (model == null) {
			errors.add(at + ": unknown type " + type);
			return;
		}
		if (model.has("enum")) {
			boolean known = false;
			for (JsonNode value : model.get("enum")) {
				known |= value.asString().equals(node.asString());
			}
			expect(node.isString() && known, at, "enum " + type, node, errors);
			return;
		}
		if (!node.isObject()) {
			errors.add(at + ": expected object " + type + ", got " + node);
			return;
		}
		JsonNode properties = model.get("properties");
		properties.properties().forEach((entry) -> {
			JsonNode definition = entry.getValue();
			String propertyType = definition.has("fullType") ? definition.get("fullType").asString()
					: definition.get("type").asString();
			JsonNode value = node.get(entry.getKey());
			boolean nullable = !definition.has("canBeNull") || definition.get("canBeNull").asBoolean();
			boolean required = definition.has("required") && definition.get("required").asBoolean();
			if (value == null || value.isNull()) {
				if (!nullable || required) {
					errors.add(at + "." + entry.getKey() + ": missing or null but " + type + " requires it");
				}
				return;
			}
			check(propertyType, value, at + "." + entry.getKey(), errors);
		});
		node.properties().forEach((entry) -> {
			if (!properties.has(entry.getKey())) {
				errors.add(at + "." + entry.getKey() + ": not a property of " + type);
			}
		});
	}

	private static void expect(boolean ok, String at, String type, JsonNode node, List<String> errors) {
		if (!ok) {
			errors.add(at + ": expected " + type + ", got " + node);
		}
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
