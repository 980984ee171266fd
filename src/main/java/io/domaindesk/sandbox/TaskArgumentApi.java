package io.domaindesk.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code /me/task/domain/{id}/argument}: read a task's arguments and correct one while
 * the task is in {@code error}; {@code relaunch} then checks them again.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class TaskArgumentApi {

	private final DomainTasks tasks;

	TaskArgumentApi(DomainTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/me/task/domain/{id}/argument")
	JsonNode keys(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id) {
		ArrayNode keys = Json.array();
		this.tasks.forAccount(caller.nic(), id).path("_arguments").properties().forEach((e) -> keys.add(e.getKey()));
		return keys;
	}

	@GetMapping("/me/task/domain/{id}/argument/{key}")
	JsonNode get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id, @PathVariable String key) {
		return argument(this.tasks.forAccount(caller.nic(), id), key);
	}

	@PutMapping("/me/task/domain/{id}/argument/{key}")
	@Transactional
	JsonNode put(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id, @PathVariable String key,
			@RequestBody JsonNode body) {
		ObjectNode task = this.tasks.forAccount(caller.nic(), id);
		ObjectNode argument = argument(task, key);
		if (!"error".equals(Json.text(task, "status"))) {
			throw OvhError.badRequest("Task " + id + " is not waiting for a correction");
		}
		if (Json.bool(argument, "readOnly")) {
			throw OvhError.badRequest("Argument " + key + " is read-only");
		}
		JsonNode value = body.get("value");
		if (value != null && !value.isNull() && !value.isString()) {
			throw OvhError.badRequest("[value] Given data is not a string");
		}
		String text = (value != null && !value.isNull()) ? value.asString() : null;
		String problem = TaskArguments.problem(argument, text);
		if (problem != null) {
			throw OvhError.badRequest(problem);
		}
		if (text == null) {
			argument.putNull("value");
		}
		else {
			argument.put("value", text);
		}
		this.tasks.saveArguments(task);
		return Json.NODES.nullNode();
	}

	private static ObjectNode argument(ObjectNode task, String key) {
		JsonNode argument = task.path("_arguments").get(key);
		if (argument == null || !argument.isObject()) {
			throw OvhError.notFound("The requested object (key = " + key + ") does not exist");
		}
		return (ObjectNode) argument;
	}

}
