package io.domaindesk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.domaindesk.agency.CurrentUser;
import io.domaindesk.agency.DeskPrincipal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the layout needs on every page: the current user and links that switch language
 * without losing the filters in the current URL.
 */
@ControllerAdvice
class LayoutAdvice {

	private final CurrentUser currentUser;

	private final boolean sandboxEnabled;

	LayoutAdvice(CurrentUser currentUser,
			@org.springframework.beans.factory.annotation.Value("${domaindesk.sandbox.enabled:false}") boolean sandboxEnabled) {
		this.currentUser = currentUser;
		this.sandboxEnabled = sandboxEnabled;
	}

	/** The sandbox's pages are linked only where the sandbox is served. */
	@ModelAttribute("sandboxEnabled")
	boolean sandboxEnabled() {
		return this.sandboxEnabled;
	}

	@ModelAttribute("me")
	DeskPrincipal me() {
		return this.currentUser.find().orElse(null);
	}

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		Map<String, String> links = new LinkedHashMap<>();
		for (var locale : WebConfiguration.SUPPORTED) {
			String url = ServletUriComponentsBuilder.fromRequest(request)
				.replaceQueryParam("lang", locale.getLanguage())
				.build()
				.toUriString();
			// Only the path and query: the host comes from the browser, never from a
			// forged Host header.
			int pathStart = url.indexOf('/', url.indexOf("//") + 2);
			links.put(locale.getLanguage(), (pathStart >= 0) ? url.substring(pathStart) : "/");
		}
		return links;
	}

}
