package io.domaindesk.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Domain tasks, reachable per domain ({@code /domain/{serviceName}/task}) and per account
 * ({@code /me/task/domain}): the same tasks, as at OVHcloud.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class DomainTaskApi {

	private final ObjectStore store;

	private final Domains domains;

	private final DomainTasks tasks;

	private final IcebergLists lists;

	DomainTaskApi(ObjectStore store, Domains domains, DomainTasks tasks, IcebergLists lists) {
		this.store = store;
		this.domains = domains;
		this.tasks = tasks;
		this.lists = lists;
	}

	private ResponseEntity<JsonNode> respond(HttpServletRequest request, java.util.List<String> ids) {
		return this.lists.respond(request, ids, true,
				(page) -> this.store.findAll(ObjectStore.DOMAIN_TASK, page).stream().map(Json::publicView).toList(),
				"id");
	}

	@GetMapping("/domain/{serviceName}/task")
	ResponseEntity<JsonNode> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName,
			@RequestParam(required = false) String function, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, HttpServletRequest request) {
		String domain = Json.text(this.domains.visible(caller.nic(), serviceName), "domain");
		return respond(request, this.tasks.idsForDomain(domain, function, status, type));
	}

	private ObjectNode domainTask(Caller caller, String serviceName, long id) {
		String domain = Json.text(this.domains.visible(caller.nic(), serviceName), "domain");
		return this.tasks.forDomain(domain, id);
	}

	@GetMapping("/domain/{serviceName}/task/{id}")
	JsonNode get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName,
			@PathVariable long id) {
		return Json.publicView(domainTask(caller, serviceName, id));
	}

	@PostMapping("/domain/{serviceName}/task/{id}/accelerate")
	JsonNode accelerate(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName,
			@PathVariable long id) {
		this.tasks.accelerate(domainTask(caller, serviceName, id));
		return Json.NODES.nullNode();
	}

	@PostMapping("/domain/{serviceName}/task/{id}/cancel")
	JsonNode cancel(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName,
			@PathVariable long id) {
		this.tasks.cancel(domainTask(caller, serviceName, id));
		return Json.NODES.nullNode();
	}

	@PostMapping("/domain/{serviceName}/task/{id}/relaunch")
	JsonNode relaunch(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName,
			@PathVariable long id) {
		this.tasks.relaunch(domainTask(caller, serviceName, id));
		return Json.NODES.nullNode();
	}

	@GetMapping("/me/task/domain")
	ResponseEntity<JsonNode> mine(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(required = false) String domain, @RequestParam(required = false) String function,
			@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			HttpServletRequest request) {
		return respond(request, this.tasks.idsForAccount(caller.nic(), domain, function, status, type));
	}

	@GetMapping("/me/task/domain/{id}")
	JsonNode mine(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id) {
		return Json.publicView(this.tasks.forAccount(caller.nic(), id));
	}

	@PostMapping("/me/task/domain/{id}/accelerate")
	JsonNode accelerateMine(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id) {
		this.tasks.accelerate(this.tasks.forAccount(caller.nic(), id));
		return Json.NODES.nullNode();
	}

	@PostMapping("/me/task/domain/{id}/cancel")
	JsonNode cancelMine(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id) {
		this.tasks.cancel(this.tasks.forAccount(caller.nic(), id));
		return Json.NODES.nullNode();
	}

	@PostMapping("/me/task/domain/{id}/relaunch")
	JsonNode relaunchMine(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id) {
		this.tasks.relaunch(this.tasks.forAccount(caller.nic(), id));
		return Json.NODES.nullNode();
	}

}
