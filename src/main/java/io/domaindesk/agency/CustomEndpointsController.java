package io.domaindesk.agency;

import io.domaindesk.infrastructure.Flash;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/endpoints}: the platform admin's list of custom OVHcloud endpoints (the
 * operator's, read-only, and those added here).
 */
@Controller
@RequestMapping("/admin/endpoints")
class CustomEndpointsController {

	private final CustomEndpoints customEndpoints;

	private final OvhEndpoints endpoints;

	CustomEndpointsController(CustomEndpoints customEndpoints, OvhEndpoints endpoints) {
		this.customEndpoints = customEndpoints;
		this.endpoints = endpoints;
	}

	/** The form: a name agency admins will see, and the base URL. */
	record EndpointForm(String name, String url) {

		static EndpointForm empty() {
			return new EndpointForm("", "");
		}

	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("endpoint", EndpointForm.empty());
		return page(model);
	}

	@PostMapping
	String add(@ModelAttribute("endpoint") EndpointForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var problem = this.customEndpoints.add(form.name(), form.url());
		if (problem.isPresent()) {
			CustomEndpoints.Problem p = problem.get();
			result.rejectValue(p.field(), p.code(), (p.detail() != null) ? new Object[] { p.detail() } : null,
					p.code());
			return page(model);
		}
		Flash.ok(redirect, "endpoints.added", form.name().strip());
		return "redirect:/admin/endpoints";
	}

	@PostMapping("/{name}/remove")
	String remove(@PathVariable String name, RedirectAttributes redirect) {
		long inUse = this.customEndpoints.remove(name);
		if (inUse < 0) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (inUse > 0) {
			Flash.error(redirect, "endpoints.inUse", name, inUse);
		}
		else {
			Flash.ok(redirect, "endpoints.removed", name);
		}
		return "redirect:/admin/endpoints";
	}

	private String page(Model model) {
		model.addAttribute("configured", this.endpoints.configured());
		model.addAttribute("added", this.endpoints.added());
		return "agency/endpoints";
	}

}
