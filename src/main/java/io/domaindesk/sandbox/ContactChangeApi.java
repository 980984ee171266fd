package io.domaindesk.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /me/task/contactChange}: the contact change tasks the caller is involved in.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class ContactChangeApi {

	private final ObjectStore store;

	private final ContactChanges contactChanges;

	private final IcebergLists lists;

	ContactChangeApi(ObjectStore store, ContactChanges contactChanges, IcebergLists lists) {
		this.store = store;
		this.contactChanges = contactChanges;
		this.lists = lists;
	}

	@GetMapping("/me/task/contactChange")
	ResponseEntity<JsonNode> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(required = false) String askingAccount, @RequestParam(required = false) String state,
			@RequestParam(required = false) String toAccount, HttpServletRequest request) {
		if (state != null && !java.util.List
			.of("aborted", "checkValidity", "doing", "done", "error", "expired", "refused", "todo",
					"validatingByCustomers")
			.contains(state)) {
			throw OvhError.badRequest("[state] Given data (" + state + ") does not belong to the enum");
		}
		return this.lists.respond(request, this.contactChanges.ids(caller.nic(), askingAccount, state, toAccount), true,
				(ids) -> this.store.findAll(ObjectStore.CONTACT_CHANGE, ids).stream().map(Json::publicView).toList(),
				"id");
	}

	@GetMapping("/me/task/contactChange/{id}")
	JsonNode get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id) {
		return Json.publicView(this.contactChanges.visible(caller.nic(), id));
	}

	@PostMapping("/me/task/contactChange/{id}/accept")
	JsonNode accept(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody JsonNode body) {
		this.contactChanges.accept(caller.nic(), id, token(body));
		return Json.NODES.nullNode();
	}

	@PostMapping("/me/task/contactChange/{id}/refuse")
	JsonNode refuse(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id,
			@RequestBody JsonNode body) {
		this.contactChanges.refuse(caller.nic(), id, token(body));
		return Json.NODES.nullNode();
	}

	@PostMapping("/me/task/contactChange/{id}/resendEmail")
	JsonNode resendEmail(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long id) {
		this.contactChanges.resendEmail(caller.nic(), id);
		return Json.NODES.nullNode();
	}

	private static String token(JsonNode body) {
		String token = Json.text(body, "token");
		if (token == null) {
			throw OvhError.badRequest("Missing parameter(s): token");
		}
		return token;
	}

}
