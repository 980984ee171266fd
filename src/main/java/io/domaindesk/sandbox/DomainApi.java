package io.domaindesk.sandbox;

import java.util.List;

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
 * {@code /domain}: the domain services and their NIC-handle contacts.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(path = SandboxFilter.PREFIX, produces = "application/json")
class DomainApi {

	private final ObjectStore store;

	private final Domains domains;

	private final ContactChanges contactChanges;

	private final IcebergLists lists;

	DomainApi(ObjectStore store, Domains domains, ContactChanges contactChanges, IcebergLists lists) {
		this.store = store;
		this.domains = domains;
		this.contactChanges = contactChanges;
		this.lists = lists;
	}

	@GetMapping("/domain")
	ResponseEntity<JsonNode> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(required = false) String whoisOwner, HttpServletRequest request) {
		List<String> walk = this.lists.ids(request, "domain/" + caller.nic() + "/" + whoisOwner,
				this.store.domainWrites(), () -> this.store.domainIdsFor(caller.nic(), whoisOwner));
		return this.lists.respond(request, walk, false,
				(ids) -> this.store.findAll(ObjectStore.DOMAIN, ids).stream().map(Json::publicView).toList(), "domain");
	}

	@GetMapping("/domain/{serviceName}")
	JsonNode get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName) {
		return Json.publicView(this.domains.visible(caller.nic(), serviceName));
	}

	@GetMapping("/domain/{serviceName}/serviceInfos")
	JsonNode serviceInfos(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName) {
		return Domains.serviceInfos(this.domains.visible(caller.nic(), serviceName));
	}

	@PostMapping("/domain/{serviceName}/changeContact")
	JsonNode changeContact(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String serviceName,
			@RequestBody JsonNode body) {
		return Json.longs(this.contactChanges.request(caller.nic(), serviceName, body));
	}

}
