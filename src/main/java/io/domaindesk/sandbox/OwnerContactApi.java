package io.domaindesk.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owner contacts: {@code /domain/contact} ({@code domain.Contact}) and the same contacts
 * under {@code /me/contact} ({@code me.contact.Contact}).
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class OwnerContactApi {

	private final OwnerContacts contacts;

	private final ObjectStore store;

	private final IcebergLists lists;

	OwnerContactApi(OwnerContacts contacts, ObjectStore store, IcebergLists lists) {
		this.contacts = contacts;
		this.store = store;
		this.lists = lists;
	}

	/** Unlike most lists this one already answers full objects. */
	@GetMapping("/domain/contact")
	JsonNode list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		var array = Json.array();
		this.contacts.list(caller.nic()).forEach(array::add);
		return array;
	}

	@PostMapping("/domain/contact")
	JsonNode create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody JsonNode body) {
		return this.contacts.create(caller.nic(), body);
	}

	@GetMapping("/domain/contact/{contactId}")
	JsonNode get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long contactId) {
		return this.contacts.visible(caller.nic(), contactId);
	}

	@PutMapping("/domain/contact/{contactId}")
	JsonNode update(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long contactId,
			@RequestBody JsonNode body) {
		return this.contacts.update(caller.nic(), contactId, body);
	}

	@GetMapping("/me/contact")
	ResponseEntity<JsonNode> meList(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, HttpServletRequest request) {
		return this.lists.respond(request, this.store.idsFor(ObjectStore.CONTACT, caller.nic()), true,
				(ids) -> this.store.findAll(ObjectStore.CONTACT, ids).stream().map(OwnerContacts::meView).toList(),
				"id");
	}

	@GetMapping("/me/contact/{contactId}")
	JsonNode meGet(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable long contactId) {
		return OwnerContacts.meView(this.contacts.visible(caller.nic(), contactId));
	}

}
