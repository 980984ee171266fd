package io.domaindesk.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The arguments of a domain task ({@code nichandle.DomainTaskArgument}), kept in the
 * task's {@code _arguments}. An owner change that fails on an account switched to task
 * errors waits for a {@code reason} of 10 to 255 characters, as a registry asking why the
 * holder changes would.
 */
final class TaskArguments {

	static final String REASON = "reason";

	static final String FAULTY_COMMENT = "The registry refused the owner change: correct the argument \"reason\" "
			+ "(why the holder changes, 10 to 255 characters), then relaunch";

	private TaskArguments() {
	}

	static ObjectNode forTrade(long newOwner, boolean faulty) {
		ObjectNode arguments = Json.object();
		ObjectNode owner = argument(arguments, "newOwner", "The contact becoming the owner", "/me/contact", true);
		owner.put("value", Long.toString(newOwner));
		if (faulty) {
			ObjectNode reason = argument(arguments, REASON, "Update reason with valid content: why the holder changes",
					"string", false);
			reason.put("minimumSize", 10);
			reason.put("maximumSize", 255);
		}
		return arguments;
	}

	private static ObjectNode argument(ObjectNode arguments, String key, String description, String type,
			boolean readOnly) {
		ObjectNode argument = arguments.putObject(key);
		argument.putNull("acceptedFormats");
		argument.putNull("acceptedValues");
		argument.put("description", description);
		argument.putNull("fields");
		argument.put("key", key);
		argument.putNull("maximumSize");
		argument.putNull("minimumSize");
		argument.put("readOnly", readOnly);
		argument.putNull("template");
		argument.put("type", type);
		argument.putNull("value");
		return argument;
	}

	/** The key of the first argument whose value breaks its own bounds, or null. */
	static String faulty(ObjectNode task) {
		for (JsonNode argument : task.path("_arguments")) {
			if (!Json.bool(argument, "readOnly") && problem(argument, Json.text(argument, "value")) != null) {
				return Json.text(argument, "key");
			}
		}
		return null;
	}

	/** What is wrong with {@code value} for this argument, or null. */
	static String problem(JsonNode argument, String value) {
		int length = (value != null) ? value.codePointCount(0, value.length()) : 0;
		if (argument.hasNonNull("minimumSize") && length < argument.path("minimumSize").asLong()) {
			return "Value of " + Json.text(argument, "key") + " is shorter than "
					+ argument.path("minimumSize").asLong() + " characters";
		}
		if (argument.hasNonNull("maximumSize") && length > argument.path("maximumSize").asLong()) {
			return "Value of " + Json.text(argument, "key") + " is longer than " + argument.path("maximumSize").asLong()
					+ " characters";
		}
		if (argument.path("acceptedValues").isArray() && value != null) {
			boolean accepted = false;
			for (JsonNode candidate : argument.path("acceptedValues")) {
				accepted |= value.equals(candidate.asString());
			}
			if (!accepted) {
				return "Value of " + Json.text(argument, "key") + " is not one of the accepted values";
			}
		}
		return null;
	}

}
